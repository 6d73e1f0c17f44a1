package dev.lantu.projects.web;

import static dev.lantu.support.Callers.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/** The projects API: registration, stages, conflicts, investment, the board, imports and exports, targets. */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectApiTests {

	@Autowired
	MockMvc mvc;

	private static final String SIGNED = """
			{"name": "%s", "investorName": "某新能源汽车零部件公司", "districtCode": "440113",
			 "trackIds": ["gz.cluster.nev"], "plannedInvestmentFen": 150000000000, "expectedJobs": 600,
			 "source": {"title": "番禺区高质量发展大会", "date": "2025-02-07"},
			 "stage": "SIGNED", "stageDate": "2025-02-07", "evidence": "签约仪式"}""";

	private long create(String name) throws Exception {
		String body = mvc.perform(post("/api/v1/projects")
			.contentType(MediaType.APPLICATION_JSON).content(SIGNED.formatted(name)).with(asAdmin()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/projects/")))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void shouldRegisterAProjectAndShowItsHistory() throws Exception {
		long id = create("API 登记项目");
		mvc.perform(post("/api/v1/projects/{id}/stages", id)
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"to\": \"注册\", \"date\": \"2025-02-20\"}").with(asAdmin()))
			.andExpect(jsonPath("$.updatedBy").value("test-admin"));
		mvc.perform(get("/api/v1/projects/{id}", id).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.project.stage").value("REGISTERED"))
			.andExpect(jsonPath("$.project.version").value(2))
			.andExpect(jsonPath("$.project.createdBy").value("test-admin"))
			.andExpect(jsonPath("$.history", hasSize(2)))
			.andExpect(jsonPath("$.history[0].evidence").value("签约仪式"));
	}

	@Test
	void shouldRefuseInvalidProjectDataNamingEveryField() throws Exception {
		mvc.perform(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"\", \"districtCode\": \"440199\", \"investorUscc\": \"123\", \"stage\": \"SIGNED\"}").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "investorName",
					"investorUscc", "districtCode", "stageDate")))
			.andExpect(jsonPath("$.errors[?(@.field == 'investorUscc')].code").value(hasItem("uscc.invalid")))
			.andExpect(jsonPath("$.errors[?(@.field == 'districtCode')].args[0]").value(hasItem("440199")));
	}

	@Test
	void shouldMoveAProjectAndRefuseAStaleVersionWithAConflict() throws Exception {
		long id = create("API 阶段项目");
		mvc.perform(post("/api/v1/projects/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"to\": \"动工\", \"date\": \"2025-03-01\"}").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("CONSTRUCTION_STARTED"))
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(post("/api/v1/projects/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"to\": \"COMPLETED\", \"date\": \"2025-04-01\"}").with(asAdmin()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("version"))
			.andExpect(jsonPath("$.currentVersion").value(2));
		mvc.perform(post("/api/v1/projects/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 2, \"to\": \"SIGNED\", \"date\": \"2025-04-01\"}").with(asAdmin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("does not go back")));
		mvc.perform(post("/api/v1/projects/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"COMPLETED\", \"date\": \"2025-04-01\"}").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void shouldCorrectTheLatestEntry() throws Exception {
		long id = create("API 更正项目");
		String moved = mvc.perform(post("/api/v1/projects/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"to\": \"IN_PRODUCTION\", \"date\": \"2025-03-01\"}").with(asAdmin()))
			.andReturn().getResponse().getContentAsString();
		String history = mvc.perform(get("/api/v1/projects/{id}", id).with(asAdmin())).andReturn().getResponse().getContentAsString();
		long latest = ((Number) JsonPath.read(history, "$.history[1].id")).longValue();
		mvc.perform(post("/api/v1/projects/{id}/corrections", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 2, \"event\": " + latest + ", \"reason\": \"误录为投产\"}").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("SIGNED"));
		mvc.perform(get("/api/v1/projects/{id}", id).with(asAdmin()))
			.andExpect(jsonPath("$.history", hasSize(3)))
			.andExpect(jsonPath("$.history[1].corrected").value(true))
			.andExpect(jsonPath("$.history[2].kind").value("CORRECTION"));
		assertThat(moved).contains("IN_PRODUCTION");
	}

	@Test
	void shouldRecordInvestmentAndAggregateIt() throws Exception {
		long id = create("API 投资额汇总项目");
		mvc.perform(put("/api/v1/projects/{id}/investments/2025", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"amountFen\": 30000000000}").with(asAdmin()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/projects/investment").param("groupBy", "track").param("q", "API 投资额汇总项目").with(asAdmin()))
			.andExpect(jsonPath("$[?(@.group == 'gz.cluster.nev' && @.year == 2025)].amountFen").value(30000000000L));
		mvc.perform(get("/api/v1/projects/investment").param("groupBy", "colour").with(asAdmin()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldShowTheBoardTheCityViewAndTrackShares() throws Exception {
		create("API 看板项目");
		mvc.perform(get("/api/v1/projects/board").param("district", "440113").with(asAdmin()))
			.andExpect(jsonPath("$.funnel", hasSize(8)))
			.andExpect(jsonPath("$.funnel[?(@.stage == 'SIGNED')].projects").value(hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
		mvc.perform(get("/api/v1/projects/by-district").with(asAdmin()))
			.andExpect(jsonPath("$", hasSize(11)));
		mvc.perform(get("/api/v1/projects/track-shares").param("district", "440113").param("year", "2025").with(asAdmin()))
			.andExpect(jsonPath("$[?(@.trackId == 'gz.cluster.nev')].projects").value(hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
		mvc.perform(get("/api/v1/projects/signings").param("district", "440113").with(asAdmin()))
			.andExpect(jsonPath("$[?(@.group == '440113' && @.year == 2025)]").exists());
	}

	private static MockMultipartFile csv(String name, String text, Charset charset) {
		return new MockMultipartFile("file", name, "text/csv", text.getBytes(charset));
	}

	private static final String HEADER = "项目名称,投资方,统一社会信用代码,所属区,赛道,计划总投资（万元）,阶段,阶段日期\n";

	@Test
	void shouldImportAConferenceBatchInGbkAtomically() throws Exception {
		String file = HEADER + "GBK导入项目甲,甲公司,91440101190671576K,番禺区,gz.cluster.nev;gz.cluster.fashion,12500.5,签约,2025-02-07\n"
				+ "GBK导入项目乙,乙公司,,440113,,300,动工,2025-02-07\n";
		mvc.perform(multipart("/api/v1/projects/import").file(csv("番禺签约.csv", file, Charset.forName("GBK"))).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.problems", hasSize(0)));
		mvc.perform(get("/api/v1/projects").param("q", "GBK导入项目甲").with(asAdmin()))
			.andExpect(jsonPath("$.projects[0].plannedInvestmentFen").value(12500500000L))
			.andExpect(jsonPath("$.projects[0].districtCode").value("440113"));
	}

	@Test
	void shouldRefuseTheWholeFileWhenOneRowIsInvalidAndReportRowColumnValueAndReason() throws Exception {
		String file = HEADER + "原子导入项目甲,甲公司,,番禺区,,100,签约,2025-02-07\n"
				+ "原子导入项目乙,乙公司,91440101190671576J,番禺区,gz.cluster.nevv,一百,开工,2025-02-30\n";
		mvc.perform(multipart("/api/v1/projects/import").file(csv("bad.csv", file, StandardCharsets.UTF_8)).with(asAdmin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.problems[*].row").value(hasItem(3)))
			.andExpect(jsonPath("$.problems[*].column").value(org.hamcrest.Matchers.hasItems("计划总投资（万元）", "阶段", "阶段日期",
					"统一社会信用代码", "赛道")))
			.andExpect(jsonPath("$.problems[?(@.column == '计划总投资（万元）')].value").value(hasItem("一百")));
		mvc.perform(get("/api/v1/projects").param("q", "原子导入项目").with(asAdmin())).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void shouldImportTheValidRowsOnRequestAndReturnTheRejects() throws Exception {
		String file = "\uFEFF" + HEADER + "跳过导入项目甲,甲公司,,番禺区,,100,签约,2025-02-07\n"
				+ "跳过导入项目乙,乙公司,91440101190671576J,番禺区,,100,签约,2025-02-07\n";
		mvc.perform(multipart("/api/v1/projects/import").file(csv("mixed.csv", file, StandardCharsets.UTF_8))
			.param("mode", "skip-invalid").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.rejectsCsv").value(containsString("跳过导入项目乙")))
			.andExpect(jsonPath("$.rejectsCsv").value(containsString("check character")));
	}

	@Test
	void shouldCheckWithoutImportingOnADryRun() throws Exception {
		String file = HEADER + "试运行项目,甲公司,,番禺区,,100,签约,2025-02-07\n";
		mvc.perform(multipart("/api/v1/projects/import").file(csv("dry.csv", file, StandardCharsets.UTF_8))
			.param("dryRun", "true").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(1))
			.andExpect(jsonPath("$.created").value(0));
		mvc.perform(get("/api/v1/projects").param("q", "试运行项目").with(asAdmin())).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void shouldRefuseAMoneyColumnWithoutItsUnit() throws Exception {
		String file = "项目名称,投资方,所属区,计划总投资,阶段,阶段日期\n无单位项目,甲,番禺区,100,签约,2025-02-07\n";
		mvc.perform(multipart("/api/v1/projects/import").file(csv("nounit.csv", file, StandardCharsets.UTF_8)).with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].value").value("计划总投资"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("计划总投资（万元）")));
	}

	@Test
	void shouldStartTheProjectsAConferenceNamesByTheirNumbers() throws Exception {
		long id = create("开工大会项目");
		String file = "编号,项目名称,投资方,所属区,阶段,阶段日期\n" + id + ",开工大会项目,某公司,番禺区,动工,2025-03-15\n";
		mvc.perform(multipart("/api/v1/projects/import").file(csv("starts.csv", file, StandardCharsets.UTF_8)).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved").value(1))
			.andExpect(jsonPath("$.created").value(0));
		mvc.perform(get("/api/v1/projects/{id}", id).with(asAdmin())).andExpect(jsonPath("$.project.stage").value("CONSTRUCTION_STARTED"));
	}

	@Test
	void shouldExportXlsxThatImportsAgain() throws Exception {
		create("导出项目");
		byte[] xlsx = mvc.perform(get("/api/v1/projects/export").param("format", "xlsx").param("q", "导出项目").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("导出项目");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("150000");
		}
		mvc.perform(multipart("/api/v1/projects/import").file(new MockMultipartFile("file", "round.xlsx",
				"application/octet-stream", xlsx)).param("dryRun", "true").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.problems", hasSize(0)));
		mvc.perform(get("/api/v1/projects/template").param("format", "csv").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("计划总投资（万元）")));
	}

	@Test
	void shouldTellWhereTheTargetsStand() throws Exception {
		mvc.perform(get("/api/v1/targets").param("region", "440118").with(asAdmin()))
			.andExpect(jsonPath("$[?(@.target.id == 'zengcheng.industrial_output.2035')].status").value("UNKNOWN"));
		mvc.perform(get("/api/v1/targets/huangpu.projects_introduced.yearly").with(asAdmin()))
			.andExpect(jsonPath("$.status").value("ACHIEVED"));
		mvc.perform(get("/api/v1/targets/tianhe.gdp.2025").with(asAdmin()))
			.andExpect(jsonPath("$.requiredAnnualGrowthPercent").value(4.31))
			.andExpect(jsonPath("$.status").value("UNKNOWN"));
		mvc.perform(get("/api/v1/targets/nothing").with(asAdmin())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/targets").param("region", "440199").with(asAdmin())).andExpect(status().isNotFound());
	}

}

package dev.lantu.registry.web;

import static dev.lantu.support.Callers.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import dev.lantu.registry.SyntheticRegistryAccess;

/** The registry API: search, detail, facts, import with RFC 9457 errors naming row and column, export, template. */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseApiTests {

	private static final Random RANDOM = new Random();

	@Autowired
	MockMvc mvc;

	private static String uscc() {
		return SyntheticRegistryAccess.uscc("440106", RANDOM);
	}

	private static MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "企业名单.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldImportSearchAndShowAnEnterprise() throws Exception {
		String code = uscc();
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv("统一社会信用代码,企业名称,所属区,行业代码,年度,营业收入（万元）,从业人员\n"
				+ code + ",接口测试光电有限公司,天河区,3974,2024,5200,130\n")).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phase").value("DONE"))
			.andExpect(jsonPath("$.report.created").value(1))
			.andExpect(jsonPath("$.report.encoding").value("UTF-8"));
		mvc.perform(get("/api/v1/enterprises").param("q", "接口测试光电").param("industry", "C39").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.enterprises[0].uscc").value(code))
			.andExpect(jsonPath("$.enterprises[0].revenueFen").value(5_200_000_000L))
			.andExpect(jsonPath("$.enterprises[0].latestYear").value(2024));
		mvc.perform(get("/api/v1/enterprises/{uscc}", code.toLowerCase()).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.name").value("接口测试光电有限公司"))
			.andExpect(jsonPath("$.enterprise.createdBy").value("test-admin"))
			.andExpect(jsonPath("$.industry[3].name").value("显示器件制造"))
			.andExpect(jsonPath("$.figures['2024'].employees").value(130));
		mvc.perform(get("/api/v1/enterprises/{uscc}/facts", code).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statics.district").value("440106"))
			.andExpect(jsonPath("$.yearly.revenue['2024']").value(5_200_000_000L));
	}

	@Test
	void shouldRefuseAnInvalidRowAsAProblemNamingRowAndColumn() throws Exception {
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv("统一社会信用代码,企业名称,所属区\n"
				+ uscc() + ",好公司,440106\n" + "91440106MA59ABCDE0,坏公司,440106\n")).with(asAdmin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Import refused: nothing was written"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("统一社会信用代码"))
			.andExpect(jsonPath("$.errors[0].value").value("91440106MA59ABCDE0"))
			.andExpect(jsonPath("$.errors[0].code").value("uscc.invalid"))
			.andExpect(jsonPath("$.report.created").value(0));
	}

	@Test
	void shouldRefuseABadHeaderAndAnUnreadableFileAsProblems() throws Exception {
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv("统一社会信用代码,企业名称,所属区,营业收入\n")).with(asAdmin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("营业收入"))
			.andExpect(jsonPath("$.errors[0].code").value("header.moneyUnit"));
		mvc.perform(multipart("/api/v1/enterprises/import")
			.file(new MockMultipartFile("file", "坏.xlsx", "application/octet-stream", new byte[] { 'P', 'K', 3, 4, 1 })).with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("file"))
			.andExpect(jsonPath("$.detail", containsString("not a readable XLSX")));
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv("")).param("mode", "sometimes").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("mode"));
	}

	@Test
	void shouldOfferTheRejectsOfASkipInvalidImport() throws Exception {
		String good = uscc();
		MvcResult result = mvc.perform(multipart("/api/v1/enterprises/import").file(csv("统一社会信用代码,企业名称,所属区\n"
				+ good + ",好公司,440106\n" + uscc() + ",外区公司,440999\n")).param("mode", "skip-invalid").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.report.created").value(1))
			.andExpect(jsonPath("$.report.invalid").value(1))
			.andReturn();
		String rejects = JsonPath.read(result.getResponse().getContentAsString(), "$.rejects");
		String body = mvc.perform(get(rejects).with(asAdmin())).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("rejects.csv")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("外区公司").contains("所属区: no district");
		mvc.perform(get("/api/v1/enterprises/{uscc}", good).with(asAdmin())).andExpect(status().isOk());
	}

	@Test
	void shouldRunAnImportInTheBackgroundAndReportProgress() throws Exception {
		MvcResult started = mvc.perform(multipart("/api/v1/enterprises/import").file(csv("统一社会信用代码,企业名称,所属区\n"
				+ uscc() + ",后台公司,440106\n")).param("async", "true").with(asAdmin()))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", containsString("/api/v1/enterprises/imports/")))
			.andReturn();
		String location = started.getResponse().getHeader("Location");
		String phase = "";
		for (int i = 0; i < 100 && !phase.equals("DONE"); i++) {
			phase = JsonPath.read(mvc.perform(get(location).with(asAdmin())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(), "$.phase");
			Thread.sleep(50);
		}
		assertThat(phase).isEqualTo("DONE");
		mvc.perform(get(location).with(asAdmin())).andExpect(jsonPath("$.report.created").value(1)).andExpect(jsonPath("$.fraction").value(1.0));
	}

	@Test
	void shouldAnswerUnknownAndMalformedCodesWithProblems() throws Exception {
		mvc.perform(get("/api/v1/enterprises/{uscc}", "91440106MA59ABCDE0").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("uscc"))
			.andExpect(jsonPath("$.detail", containsString("check character")));
		mvc.perform(get("/api/v1/enterprises/{uscc}", uscc()).with(asAdmin())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises").param("industry", "XYZ").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("industry"));
		mvc.perform(get("/api/v1/enterprises").param("qualification", "诺贝尔奖").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("qualification"));
	}

	@Test
	void shouldServeTheTemplateAndTheExport() throws Exception {
		MvcResult template = mvc.perform(get("/api/v1/enterprises/template").param("format", "csv").with(asAdmin()))
			.andExpect(request().asyncStarted()).andReturn();
		String text = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(template))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("csv")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).contains("统一社会信用代码,企业名称").contains("营业收入（万元）").contains("从业人员（人）");

		String code = uscc();
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv("统一社会信用代码,企业名称,所属区\n" + code + ",导出接口公司,440106\n")).with(asAdmin()))
			.andExpect(status().isOk());
		MvcResult export = mvc.perform(get("/api/v1/enterprises/export").param("format", "csv").param("q", "导出接口公司").with(asAdmin()))
			.andExpect(request().asyncStarted()).andReturn();
		String exported = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(export))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).contains(code).contains("导出接口公司").contains("天河区");
		mvc.perform(get("/api/v1/enterprises/export").param("format", "pdf").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("format"));
	}

	@Test
	void shouldListTheRegistryInTheApiDocs() throws Exception {
		mvc.perform(get("/v3/api-docs").with(asAdmin())).andExpect(status().isOk())
			.andExpect(jsonPath("$.tags[*].name", hasItem("enterprises")));
	}

}

package dev.lantu.projects.web;

import static dev.lantu.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import dev.lantu.projects.Investment;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectDraft;
import dev.lantu.projects.ProjectEvent;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;

/** The pipeline's pages over the Guangzhou dataset: what they show, and what their forms change or refuse. */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectPagesTests {

	static final LocalDate CONFERENCE = LocalDate.of(2025, 2, 7);

	@Autowired
	MockMvc mvc;

	@Autowired
	ProjectService projects;

	static ProjectDraft draft(String name, String district, List<String> tracks, LocalDate signed, boolean synthetic) {
		return new ProjectDraft(name, null, "广州某投资有限公司", district, tracks, 2_000_000_000_00L, null, 300, null,
				new Project.Source("番禺区高质量发展大会", CONFERENCE, "https://www.panyu.gov.cn/"), List.of(), synthetic,
				Stage.SIGNED, signed, "签约仪式");
	}

	private Project signed(String name) {
		return projects.create(draft(name, "440113", List.of("gz.cluster.nev"), CONFERENCE, false), "tester");
	}

	private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(asAdmin())).andReturn().getResponse();
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = perform(get(path).accept("text/html"));
		assertThat(response.getStatus()).as("status of %s", path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	// the board -------------------------------------------------------------------------------------

	@Test
	void shouldShowAProjectOnTheBoardWithItsStage() throws Exception {
		Project project = signed("看板上的新能源汽车零部件项目");
		String html = page("/projects?district=440113");
		String row = html.substring(html.indexOf("href=\"/projects/" + project.id() + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("看板上的新能源汽车零部件项目", "广州某投资有限公司", "番禺区", "智能网联与新能源汽车",
				"class=\"stage stage-signed\">签约</span>", "20 亿元");
		assertThat(html).contains("番禺区投资项目看板", "id=\"funnel-chart\"", "/js/project-charts.js");
	}

	@Test
	void shouldLinkExportsWithTheBoardsFilters() throws Exception {
		String html = page("/projects?district=440113&track=gz.cluster.nev&year=2025");
		assertThat(html).contains(
				"href=\"/api/v1/projects/export?district=440113&amp;track=gz.cluster.nev&amp;year=2025&amp;format=csv\"",
				"href=\"/api/v1/projects/export?district=440113&amp;track=gz.cluster.nev&amp;year=2025&amp;format=xlsx\"",
				"href=\"/projects/import\"");
	}

	@Test
	void shouldHighlightAStalledProject() throws Exception {
		Project project = projects.create(draft("两年前签约至今未注册的项目", "440113", List.of(), LocalDate.now().minusYears(2),
				false), "tester");
		MockHttpServletResponse response = perform(get("/projects").param("district", "440113").param("q", "至今未注册"));
		String html = body(response);
		assertThat(html).contains("<tr class=\"stalled\">", "停滞", "href=\"/projects/" + project.id() + "\"");
	}

	@Test
	void shouldBadgeSyntheticProjectsWhereverTheyAppear() throws Exception {
		Project project = projects.create(draft("合成的演示项目", "440114", List.of(), CONFERENCE, true), "tester");
		String board = page("/projects?district=440114");
		String row = board.substring(board.indexOf("href=\"/projects/" + project.id() + "\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("badge-synthetic", "合成数据");
		assertThat(board).contains("class=\"synthetic-note\"");
		assertThat(page("/projects/" + project.id())).contains("class=\"synthetic-banner\"", "本项目是合成数据");
		assertThat(page("/projects/city")).contains("class=\"synthetic-note\"");
	}

	// the project page ------------------------------------------------------------------------------

	@Test
	void shouldShowTheTimelineWithACorrectionStruckThrough() throws Exception {
		Project project = signed("误录投产的项目");
		projects.advance(project.id(), 1, Stage.IN_PRODUCTION, CONFERENCE.plusDays(20), "误录", null, "clerk");
		long mistaken = projects.history(project.id()).get(1).id();
		projects.correct(project.id(), 2, mistaken, "应为注册，误录为投产", "supervisor");

		String html = page("/projects/" + project.id());
		String entry = html.substring(html.indexOf("id=\"event-" + mistaken + "\""));
		entry = entry.substring(0, entry.indexOf("</li>"));
		assertThat(entry).contains("entry-corrected", "<del", "投产", "已更正", "应为注册，误录为投产", "clerk",
				"2025-02-27");
		// the stages a move passes without dates are shown as not recorded
		assertThat(entry).contains("注册", "动工", "竣工", "未记录日期");
		assertThat(html).contains("entry-correction", "supervisor", "签约仪式");
	}

	@Test
	void shouldShowTheInvestorsCodeOrThatItIsNotRegistered() throws Exception {
		Project unregistered = signed("未注册投资方的项目");
		assertThat(page("/projects/" + unregistered.id())).contains("未注册");
		ProjectDraft registered = new ProjectDraft("已注册投资方的项目", "91440101190671576K", "广州高新区投资集团有限公司",
				"440113", List.of("gz.cluster.nev"), null, null, null, null, null,
				List.of(new Project.Document("签约协议", "https://example.org/a.pdf")), false, Stage.SIGNED, CONFERENCE, null);
		String html = page("/projects/" + projects.create(registered, "tester").id());
		assertThat(html).contains("91440101190671576K", "href=\"/tracks/gz.cluster.nev\"", "href=\"https://example.org/a.pdf\"",
				"href=\"/districts/440113/profile\"");
	}

	@Test
	void shouldAdvanceFromTheFormAndRedirectToTheProject() throws Exception {
		Project project = signed("从表单推进的项目");
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/stages")
			.param("version", "1").param("to", "REGISTERED").param("date", CONFERENCE.plusDays(30).toString())
			.param("evidence", "营业执照"));
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/projects/" + project.id() + "?done=advanced");
		Project advanced = projects.get(project.id());
		assertThat(advanced.stage()).isEqualTo(Stage.REGISTERED);
		assertThat(advanced.updatedBy()).isEqualTo("test-admin");
		assertThat(page(response.getRedirectedUrl())).contains("阶段已推进。", "营业执照", "test-admin");
	}

	@Test
	void shouldShowTheConflictAndChangeNothingWhenAdvancingOnAStaleVersion() throws Exception {
		Project project = signed("被他人先改的项目");
		projects.advance(project.id(), 1, Stage.REGISTERED, CONFERENCE.plusDays(10), null, null, "someone else");

		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/stages")
			.param("version", "1").param("to", "CONSTRUCTION_STARTED").param("date", CONFERENCE.plusDays(40).toString()));
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(body(response)).contains("id=\"conflict\"", "未保存：项目已被他人修改", "第 1 版", "第 2 版", "someone else")
			.contains("name=\"version\" value=\"2\"")
			.doesNotContain("Exception");
		assertThat(projects.get(project.id()).version()).isEqualTo(2);
		assertThat(projects.get(project.id()).stage()).isEqualTo(Stage.REGISTERED);
		assertThat(projects.history(project.id())).hasSize(2);
	}

	@Test
	void shouldShowWhyAMoveWasRefused() throws Exception {
		Project project = signed("日期早于签约的推进");
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/stages")
			.param("version", "1").param("to", "REGISTERED").param("date", CONFERENCE.minusDays(1).toString()));
		assertThat(response.getStatus()).isEqualTo(422);
		// said in the reader's language, with the stage's Chinese name
		assertThat(body(response)).contains("id=\"refusal\"", "转入“注册”的日期", "早于历史上最近一条记录");
		assertThat(projects.history(project.id())).hasSize(1);
	}

	@Test
	void shouldRecordTheSignedInAccountAsWhoMadeAChangeWhateverTheFormSays() throws Exception {
		Project project = signed("署名即登录账号");
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/stages")
			.param("version", "1").param("to", "REGISTERED").param("date", CONFERENCE.plusDays(1).toString())
			.param("actor", "冒名者"));
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(projects.get(project.id()).updatedBy()).isEqualTo("test-admin");
		assertThat(projects.history(project.id())).last().extracting(ProjectEvent::recordedBy).isEqualTo("test-admin");
		assertThat(page("/projects/" + project.id())).doesNotContain("name=\"actor\"", "冒名者");
	}

	@Test
	void shouldCorrectTheLatestEntryFromTheForm() throws Exception {
		Project project = signed("从表单更正的项目");
		projects.advance(project.id(), 1, Stage.COMPLETED, CONFERENCE.plusDays(5), null, null, "clerk");
		long latest = projects.history(project.id()).get(1).id();
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/corrections")
			.param("version", "2").param("event", String.valueOf(latest)).param("reason", "尚未竣工"));
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(projects.get(project.id()).stage()).isEqualTo(Stage.SIGNED);
		assertThat(projects.history(project.id())).last().extracting(ProjectEvent::reason, ProjectEvent::recordedBy)
			.containsExactly("尚未竣工", "test-admin");
	}

	@Test
	void shouldRecordInvestmentInWanAsExactFen() throws Exception {
		Project project = signed("记录投资的项目");
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/investments")
			.param("version", "1").param("year", "2025").param("amount", "12,500.000001"));
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(projects.investments(project.id())).singleElement().extracting(Investment::amountFen)
			.isEqualTo(12_500_000_001L);
		assertThat(page("/projects/" + project.id())).contains("12,500.000001 万元");
	}

	@Test
	void shouldRefuseAnAmountFinerThanOneFen() throws Exception {
		Project project = signed("金额过细的项目");
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/investments")
			.param("version", "1").param("year", "2025").param("amount", "0.0000001"));
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(body(response)).contains("id=\"error-amount\"", "精确到分");
		assertThat(projects.investments(project.id())).isEmpty();
	}

	@Test
	void shouldAnswerAnUnknownProjectWithA404Page() throws Exception {
		MockHttpServletResponse response = perform(get("/projects/987654321").accept("text/html"));
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(body(response)).contains("未找到", "987654321");
	}

	// registering -----------------------------------------------------------------------------------

	@Test
	void shouldOfferTheChosenDistrictsOwnTracks() throws Exception {
		String html = page("/projects/new?district=440106");
		assertThat(html).contains("value=\"gz.cluster.nev\"", "天河区的赛道", "value=\"gz.tianhe.");
		assertThat(page("/projects/new")).doesNotContain("value=\"gz.tianhe.");
	}

	@Test
	void shouldShowTheFieldErrorOfABadUscc() throws Exception {
		MockHttpServletResponse response = perform(post("/projects/new")
			.param("name", "代码有误的项目").param("investorName", "某公司").param("investorUscc", "91440101190671576J")
			.param("districtCode", "440113").param("stage", "SIGNED").param("stageDate", CONFERENCE.toString())
			.param("plannedInvestment", "1000"));
		assertThat(response.getStatus()).isEqualTo(422);
		String html = body(response);
		String error = html.substring(html.indexOf("id=\"error-investorUscc\""));
		assertThat(error.substring(0, error.indexOf("</span>"))).contains("统一社会信用代码“91440101190671576J”无效");
		assertThat(html).contains("value=\"代码有误的项目\"", "value=\"1000\"");
		assertThat(projects.search(new ProjectFilter(null, null, null, null, "代码有误的项目", null), 0, 10).total()).isZero();
	}

	@Test
	void shouldRegisterAProjectWithItsAmountsConvertedExactly() throws Exception {
		MockHttpServletResponse response = perform(post("/projects/new")
			.param("name", "表单登记的项目").param("investorName", "某公司").param("districtCode", "440113")
			.param("trackIds", "gz.cluster.nev", "gz.panyu.nev").param("plannedInvestment", "200000.01")
			.param("expectedOutput", "50000").param("expectedJobs", "800").param("stage", "SIGNED")
			.param("stageDate", CONFERENCE.toString()).param("sourceTitle", "番禺区高质量发展大会")
			.param("sourceDate", CONFERENCE.toString()).param("documentTitles", "协议", "", "")
			.param("documentUrls", "https://example.org/x.pdf", "", ""));
		assertThat(response.getStatus()).isEqualTo(302);
		long id = Long.parseLong(response.getRedirectedUrl().replaceAll("^/projects/(\\d+)\\?done=created$", "$1"));
		Project created = projects.get(id);
		assertThat(created.plannedInvestmentFen()).isEqualTo(200_000_010_000L);
		assertThat(created.expectedOutputFen()).isEqualTo(50_000_000_000L);
		assertThat(created.trackIds()).containsExactlyInAnyOrder("gz.cluster.nev", "gz.panyu.nev");
		assertThat(created.documents()).containsExactly(new Project.Document("协议", "https://example.org/x.pdf"));
		assertThat(created.createdBy()).isEqualTo("test-admin");
		assertThat(created.synthetic()).isFalse();
	}

	// importing -------------------------------------------------------------------------------------

	private static MockMultipartFile csv(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldImportASmallCsvAtomically() throws Exception {
		String content = """
				项目名称,投资方,所属区,赛道,计划总投资（万元）,阶段,阶段日期
				导入的第一个项目,甲公司,番禺区,gz.cluster.nev,12500.5,签约,2025-02-07
				导入的第二个项目,乙公司,440113,,800,签约,2025-02-07
				""";
		MockHttpServletResponse response = perform(multipart("/projects/import").file(csv("大会签约.csv", content))
			.param("mode", "atomic"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(body(response)).contains("已导入：新登记 2 个项目，推进 0 个项目。", "<dd class=\"count-created\">2</dd>");
		List<Project> imported = projects.search(new ProjectFilter(null, null, null, null, "导入的第", null), 0, 10).projects();
		assertThat(imported).extracting(Project::name).containsExactlyInAnyOrder("导入的第一个项目", "导入的第二个项目");
		assertThat(imported).filteredOn(p -> p.name().equals("导入的第一个项目")).singleElement()
			.satisfies(p -> assertThat(p.plannedInvestmentFen()).isEqualTo(12_500_500_000L));
	}

	@Test
	void shouldShowEveryProblemOfARefusedFileWithRowAndColumn() throws Exception {
		String content = """
				项目名称,投资方,所属区,阶段,阶段日期
				无效文件的好行,甲公司,番禺区,签约,2025-02-07
				无效文件的坏区,乙公司,月球区,签约,2025-02-07
				无效文件的坏日期,丙公司,番禺区,签约,2025-13-01
				""";
		MockHttpServletResponse response = perform(multipart("/projects/import").file(csv("有误.csv", content))
			.param("mode", "atomic"));
		assertThat(response.getStatus()).isEqualTo(422);
		String html = body(response);
		assertThat(html).contains("未导入：文件中有错误");
		String problems = html.substring(html.indexOf("class=\"problems\""));
		assertThat(problems).contains("<td class=\"num\">3</td>", "所属区", "月球区", "<td class=\"num\">4</td>", "阶段日期",
				"2025-13-01");
		assertThat(projects.search(new ProjectFilter(null, null, null, null, "无效文件的", null), 0, 10).total()).isZero();
	}

	@Test
	void shouldGiveBackTheRejectsOfAnImportThatSkipsInvalidRows() throws Exception {
		String content = """
				项目名称,投资方,所属区,阶段,阶段日期
				跳过模式的好行,甲公司,番禺区,签约,2025-02-07
				跳过模式的坏行,乙公司,月球区,签约,2025-02-07
				""";
		MockHttpServletResponse response = perform(multipart("/projects/import").file(csv("部分有误.csv", content))
			.param("mode", "skip-invalid"));
		assertThat(response.getStatus()).isEqualTo(200);
		String html = body(response);
		assertThat(html).contains("<dd class=\"count-created\">1</dd>", "action=\"/projects/import/rejects\"",
				"下载未导入的行");
		String rejects = html.substring(html.indexOf("name=\"csv\" value=\"") + 18);
		rejects = org.springframework.web.util.HtmlUtils.htmlUnescape(rejects.substring(0, rejects.indexOf('"')));
		MockHttpServletResponse file = perform(post("/projects/import/rejects").param("csv", rejects).param("file", "部分有误.csv"));
		assertThat(file.getHeader("Content-Disposition")).contains("attachment", "rejects.csv");
		assertThat(body(file)).contains("跳过模式的坏行", "月球区").doesNotContain("跳过模式的好行");
	}

	@Test
	void shouldOnlyCheckADryRun() throws Exception {
		String content = """
				项目名称,投资方,所属区,阶段,阶段日期
				试运行的项目,甲公司,番禺区,签约,2025-02-07
				""";
		MockHttpServletResponse response = perform(multipart("/projects/import").file(csv("试运行.csv", content))
			.param("mode", "atomic").param("dryRun", "true"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(body(response)).contains("试运行：只做了检查，没有导入任何内容。", "<dd class=\"count-valid\">1</dd>",
				"<dd class=\"count-created\">0</dd>");
		assertThat(projects.search(new ProjectFilter(null, null, null, null, "试运行的项目", null), 0, 10).total()).isZero();
	}

	@Test
	void shouldLinkTheImportTemplate() throws Exception {
		assertThat(page("/projects/import")).contains("href=\"/api/v1/projects/template?format=xlsx\"",
				"href=\"/api/v1/projects/template?format=csv\"", "enctype=\"multipart/form-data\"");
	}

	// the city view and the district profile --------------------------------------------------------

	@Test
	void shouldRenderTheCityViewWithTheShareOfEachTrackInWords() throws Exception {
		LocalDate signed = LocalDate.of(2023, 3, 1);
		projects.create(draft("从化汽车项目一", "440117", List.of("gz.cluster.nev"), signed, false), "tester");
		projects.create(draft("从化汽车项目二", "440117", List.of("gz.cluster.nev"), signed, false), "tester");
		projects.create(draft("从化其他项目", "440117", List.of(), signed, false), "tester");

		String html = page("/projects/city?shareDistrict=440117&shareYear=2023");
		assertThat(html).contains("id=\"city-map\"", "/api/v1/districts/boundaries", "window.lantuCityMap",
				"href=\"/districts/440117/profile\"");
		assertThat(html).contains("从化区2023年签约的3个项目中，三分之二（2个）属于智能网联与新能源汽车。");
		assertThat(page("/projects/city?shareDistrict=440117&shareYear=2023&lang=en"))
			.contains("Two thirds of the 3 projects signed in Conghua District in 2023 (2) are in");
	}

	@Test
	void shouldShowTheInvestmentMadeByTrack() throws Exception {
		Project project = projects.create(draft("有投资的轨道交通项目", "440114", List.of("gz.cluster.rail"), CONFERENCE,
				false), "tester");
		projects.recordInvestment(project.id(), 1, 2025, 3_000_000_000_000L, null, "统计员");
		String html = page("/projects/city");
		assertThat(html).contains("id=\"track-chart\"", "window.lantuTrackChart", "href=\"/tracks/gz.cluster.rail\"");
	}

	@Test
	void shouldShowZengchengsTrillionTargetAsUnknown() throws Exception {
		String html = page("/districts/440118/profile");
		String target = html.substring(html.indexOf("id=\"target-zengcheng.industrial_output.2035\""));
		target = target.substring(0, target.indexOf("</tr>"));
		assertThat(target).contains("2035年工业总产值突破万亿元", "status-unknown", "未知", "超过 10000");
		assertThat(html).contains("增城区概况", "href=\"/districts/440118\"");
	}

	@Test
	void shouldShowHuangpusYearlyProjectsTargetAsAchieved() throws Exception {
		String html = page("/districts/440112/profile");
		String target = html.substring(html.indexOf("id=\"target-huangpu.projects_introduced.yearly\""));
		target = target.substring(0, target.indexOf("</tr>"));
		assertThat(target).contains("每年引进优质产业项目超400个", "status-achieved", "已实现", "每年",
				"2024年 &gt;400，达到 &gt; 400");
		assertThat(html).contains("投资项目", "href=\"/projects?district=440112\"", "id=\"source-S3\"");
	}

	@Test
	void shouldShowADistrictsPipelineOnItsProfile() throws Exception {
		Project project = projects.create(draft("概况页上的项目", "440111", List.of(), CONFERENCE, false), "tester");
		String html = page("/districts/440111/profile");
		assertThat(html).contains("概况页上的项目", "href=\"/projects/" + project.id() + "\"", "每年签约项目", "2025");
	}

	@Test
	void shouldLinkTheDistrictPageToItsProfile() throws Exception {
		assertThat(page("/districts/440106")).contains("href=\"/districts/440106/profile\"");
	}

	// languages and the shell -----------------------------------------------------------------------

	@Test
	void shouldSpeakEnglishWhenAsked() throws Exception {
		signed("an English board");
		assertThat(page("/projects?lang=en")).contains("<html lang=\"en\"", "Investment project pipeline", "Signed",
				"By stage", "× 100m yuan").doesNotContain("项目看板");
		assertThat(page("/projects/city?lang=en")).contains("City view", "Districts");
		assertThat(page("/districts/440118/profile?lang=en")).contains("Zengcheng District: profile", "unknown",
				"Targets");
		assertThat(page("/projects/new?lang=en")).contains("Register an investment project").doesNotContain("Your name");
		assertThat(page("/projects/import?lang=en")).contains("Import projects", "All or nothing");
	}

	@Test
	void shouldLinkTheProjectsAndTheCityViewFromTheNavigation() throws Exception {
		assertThat(page("/")).contains("href=\"/projects\"", "href=\"/projects/city\"", "项目", "城市视图");
	}

	@Test
	void shouldListEveryChangeOfAnInvestmentAmount() throws Exception {
		Project project = signed("投资修改记录项目");
		projects.recordInvestment(project.id(), 1, 2025, 100_000_000L, null, "甲");
		projects.recordInvestment(project.id(), 2, 2025, 80_000_000L, null, "乙");
		String html = page("/projects/" + project.id());
		assertThat(html).contains("金额修改记录", "2025年：—", "（甲，", "（乙，");
	}

	@Test
	void shouldSayWhyARefusedMoveWasRefusedInEnglishToo() throws Exception {
		Project project = signed("英文拒绝原因");
		MockHttpServletResponse response = perform(post("/projects/" + project.id() + "/stages").param("lang", "en")
			.param("version", "1").param("to", "REGISTERED").param("date", CONFERENCE.minusDays(1).toString()));
		assertThat(body(response)).contains("the move to Registered is dated", "before the latest entry");
	}

}

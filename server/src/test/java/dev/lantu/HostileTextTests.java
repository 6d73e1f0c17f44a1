package dev.lantu;

import static dev.lantu.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.jayway.jsonpath.JsonPath;

import dev.lantu.registry.SyntheticRegistryAccess;

/**
 * SQL metacharacters and script tags in the text fields people type: stored and given back verbatim by the API,
 * shown escaped (inert) by the pages, and harmless as search terms. Every module's free text is here: a
 * project's name, investor and evidence; an enterprise's name; an award's reason; an account's name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileTextTests {

	static final String HOSTILE = "x'); DROP TABLE project; -- \" OR 1=1 <script>alert('lantu')</script> <img src=x onerror=alert(1)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private void assertInert(String page) {
		assertThat(page).doesNotContain("<script>alert('lantu')</script>").doesNotContain("<img src=x onerror");
		assertThat(page).contains(HtmlUtils.htmlEscape("<script>alert(")).contains(HtmlUtils.htmlEscape("<img src=x"));
	}

	@Test
	void aProjectsTextIsKeptVerbatimAndShownInert() throws Exception {
		String body = """
				{"name": %s, "investorName": %s, "districtCode": "440106", "trackIds": [],
				 "plannedInvestmentFen": 100000000, "stage": "SIGNED", "stageDate": "2025-02-07", "evidence": %s}"""
			.formatted(json(HOSTILE), json(HOSTILE), json(HOSTILE));
		String created = mvc.perform(post("/api/v1/projects").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Number id = JsonPath.read(created, "$.id");
		String project = mvc.perform(get("/api/v1/projects/" + id).with(asAdmin()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<java.util.List<String>>read(project, "$..name")).contains(HOSTILE);
		assertThat(JsonPath.<java.util.List<String>>read(project, "$..investorName")).contains(HOSTILE);
		assertInert(mvc.perform(get("/projects/" + id).with(asAdmin()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertInert(mvc.perform(get("/projects").param("q", HOSTILE).with(asAdmin()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(jdbc.sql("select count(*) from project where name = ?").param(HOSTILE).query(Long.class).single())
			.as("stored as typed, and the table is still there").isEqualTo(1);
	}

	@Test
	void anEnterprisesNameAndAnAwardsReasonAreKeptVerbatimAndShownInert() throws Exception {
		String uscc = SyntheticRegistryAccess.uscc("440106", new Random());
		String csv = "统一社会信用代码,企业名称,所属区,年度,营业收入（万元）,算力采购（万元）\n" + uscc + ",\""
				+ HOSTILE.replace("\"", "\"\"") + "\",440106,2024,1000,320\n";
		mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "hostile.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(asAdmin()))
			.andExpect(status().isOk());
		String enterprise = mvc.perform(get("/api/v1/enterprises/" + uscc).with(asAdmin()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<java.util.List<String>>read(enterprise, "$..name")).contains(HOSTILE);
		assertInert(mvc.perform(get("/enterprises/" + uscc).with(asAdmin()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		mvc.perform(get("/api/v1/enterprises").param("q", HOSTILE).with(asAdmin())).andExpect(status().isOk());

		String application = """
				{"uscc": "%s", "policy": "tianhe-ai-2025", "clause": "compute", "year": 2025, "date": "2025-06-01"}"""
			.formatted(uscc);
		String award = mvc.perform(post("/api/v1/awards/applications").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
			.content(application)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Number id = JsonPath.read(award, "$.award.id");
		mvc.perform(post("/api/v1/awards/" + id + "/rejection").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": " + json(HOSTILE) + "}")).andExpect(status().isOk());
		String detail = mvc.perform(get("/api/v1/awards/" + id).with(asAdmin()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		java.util.List<String> reasons = JsonPath.read(detail, "$..reason");
		assertThat(reasons).contains(HOSTILE);
		assertInert(mvc.perform(get("/awards/" + id).with(asAdmin()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(jdbc.sql("select count(*) from award_event where reason = ?").param(HOSTILE).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anAccountsNameIsKeptVerbatimAndShownInertAndSearchTermsAreJustText() throws Exception {
		mvc.perform(post("/api/v1/admin/accounts").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"hostile\", \"displayName\": " + json(HOSTILE)
					+ ", \"role\": \"DISTRICT_OFFICER\", \"binding\": \"440106\", \"password\": \"a-long-password-2026\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.displayName").value(HOSTILE));
		assertInert(mvc.perform(get("/admin/accounts").with(asAdmin()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertInert(mvc.perform(get("/admin/audit").with(asAdmin()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		mvc.perform(get("/api/v1/policies").param("q", HOSTILE)).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
		mvc.perform(get("/api/v1/admin/audit").param("actor", HOSTILE).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
	}

}

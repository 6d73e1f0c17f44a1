package dev.lantu.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Matching and simulation over REST and on their pages, on the synthetic registry. */
class MatchingWebTests extends RegistryMatchingTest {

	@Autowired
	org.springframework.web.context.WebApplicationContext web;

	MockMvc mvc;

	/** Every request signed in as an administrator, who may do everything; who else may is the access tests'. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		mvc = dev.lantu.support.Callers.mockMvcAsAdmin(web);
	}

	private String json(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void shouldListTheEnterprisesAPolicyPaysEligibleFirstByDistrict() throws Exception {
		String body = json(mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evaluated").value(ENTERPRISES))
			.andExpect(jsonPath("$.eligible").value(greaterThan(0)))
			.andExpect(jsonPath("$.matches", hasSize(5)))
			.andExpect(jsonPath("$.matches[0].eligible").value(true))
			.andExpect(jsonPath("$.matches[*].district", everyItem(is("440105")))));
		long paid = ((Number) JsonPath.read(body, "$.matches[0].paid.fen")).longValue();
		assertThat(paid).isPositive();
		// the other district's enterprises are not Haizhu's
		mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("district", "440106"))
			.andExpect(jsonPath("$.total").value(0));
		// undetermined ones name the facts that would decide
		int total = JsonPath.read(body, "$.total");
		String last = json(mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("size", "1")
			.param("page", String.valueOf(total - 1))));
		assertThat((Boolean) JsonPath.read(last, "$.matches[0].eligible")).isFalse();
		assertThat(JsonPath.<java.util.List<String>>read(last, "$.matches[0].missing")).isNotEmpty();
		// the same list on the SQL path
		mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("size", "5").param("path", "sql"))
			.andExpect(jsonPath("$.path").value("SQL"))
			.andExpect(jsonPath("$.matches[0].uscc").value(JsonPath.<String>read(body, "$.matches[0].uscc")))
			.andExpect(jsonPath("$.paid.fen").value(((Number) JsonPath.read(body, "$.paid.fen")).longValue()));
	}

	@Test
	void shouldExplainOneMatchWithTheCalculator() throws Exception {
		String body = json(mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("size", "1")));
		String uscc = JsonPath.read(body, "$.matches[0].uscc");
		mvc.perform(get("/api/v1/policies/{id}/matches/{uscc}", HAIZHU, uscc))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(HAIZHU))
			.andExpect(jsonPath("$.total.fen").value(((Number) JsonPath.read(body, "$.matches[0].paid.fen")).longValue()))
			.andExpect(jsonPath("$.clauses[0].reasons").isNotEmpty());
		mvc.perform(get("/api/v1/enterprises/{uscc}/policies", uscc))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policies[*].id").value(org.hamcrest.Matchers.hasItem(HAIZHU)));
		mvc.perform(get("/api/v1/enterprises/{uscc}/policies", "91440105MA0000000X"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldRefuseBadMatchingRequestsNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("size"));
		mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("district", "海珠"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("district"));
		mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("path", "spark"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("path"));
		mvc.perform(get("/api/v1/policies/{id}/matches", "no-such-policy")).andExpect(status().isNotFound());
	}

	@Test
	void shouldSimulateOverRestAndRefuseBadOverridesAsProblems() throws Exception {
		String body = json(mvc.perform(post("/api/v1/policies/{id}/simulation", TIANHE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"overrides\": {\"algorithm_rate\": \"20%\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overrides.algorithm_rate").value("0.2"))
			.andExpect(jsonPath("$.synthetic").value(true)));
		long change = ((Number) JsonPath.read(body, "$.whatIf.cost.fen")).longValue()
				- ((Number) JsonPath.read(body, "$.baseline.cost.fen")).longValue();
		assertThat(((Number) JsonPath.read(body, "$.baseline.cost.fen")).longValue()).isPositive();
		assertThat(change).isPositive();
		mvc.perform(post("/api/v1/policies/{id}/simulation", HAIZHU).contentType(MediaType.APPLICATION_JSON)
			.content("{\"path\": \"sql\", \"overrides\": {\"policy.budget\": \"1万元\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.baseline.budgetExceeded").value(false))
			.andExpect(jsonPath("$.whatIf.budgetExceeded").value(true))
			.andExpect(jsonPath("$.whatIf.budget.text").value("1万元"))
			.andExpect(jsonPath("$.change.fen").value(0));
		mvc.perform(post("/api/v1/policies/{id}/simulation", TIANHE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"overrides\": {\"algorithm_rat\": \"20%\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("overrides.algorithm_rat"))
			.andExpect(jsonPath("$.errors[0].code").value("unknown-parameter"))
			.andExpect(jsonPath("$.detail", containsString("did you mean algorithm_rate?")));
		mvc.perform(post("/api/v1/policies/{id}/simulation", TIANHE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"overrides\": {\"algorithm_rate\": true}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("overrides.algorithm_rate"));
		mvc.perform(post("/api/v1/policies/{id}/simulation", TIANHE).contentType(MediaType.APPLICATION_JSON).content("{\"overrides\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("body"));
	}

	@Test
	void shouldShowTheMatchesPageWithProactiveClausesHighlighted() throws Exception {
		mvc.perform(get("/policies/{id}/matches", HAIZHU))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("免申即享")))
			.andExpect(content().string(containsString("class=\"badge badge-proactive\"")))
			.andExpect(content().string(containsString("合成数据")))
			.andExpect(content().string(containsString("id=\"eligible-count\"")));
		mvc.perform(get("/policies/{id}/matches", HAIZHU).param("year", "20x5"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldShowTheSimulationPageWithTheWhatIfAndItsProblems() throws Exception {
		mvc.perform(get("/policies/{id}/simulation", HAIZHU).param("o.policy.budget", "1万元"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("资金测算")))
			.andExpect(content().string(containsString("合成数据")))
			.andExpect(content().string(containsString("id=\"what-if-cost\"")))
			.andExpect(content().string(containsString("budget-exceeded")))
			.andExpect(content().string(containsString("海珠区")))
			.andExpect(content().string(containsString("人工智能")));
		mvc.perform(get("/policies/{id}/simulation", HAIZHU).param("o.llm_filing_reward", "很多"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(not(containsString("id=\"what-if-cost\""))));
	}

	@Test
	void shouldShowThePoliciesAnEnterpriseQualifiesForOnItsPage() throws Exception {
		String body = json(mvc.perform(get("/api/v1/policies/{id}/matches", HAIZHU).param("size", "50")));
		java.util.List<String> proactive = JsonPath.read(body,
				"$.matches[?(@.clauses[1].status == 'ELIGIBLE')].uscc");
		assertThat(proactive).isNotEmpty();
		mvc.perform(get("/enterprises/{uscc}", proactive.get(0)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("可享受的政策")))
			.andExpect(content().string(containsString("广州市海珠区建设人工智能大模型应用示范区实施细则")))
			.andExpect(content().string(containsString("badge badge-proactive")));
	}

}

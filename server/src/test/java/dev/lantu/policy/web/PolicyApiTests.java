package dev.lantu.policy.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The policies over REST, on the bundled Guangzhou dataset: list, search, one policy, the calculator. */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyApiTests {

	static final String TIANHE_MODEL_COMPANY = """
			{"year": 2025, "date": "2025-03-01",
			 "profile": {"facts": {"district": "440106", "filings": ["生成式人工智能服务备案"]},
			             "yearly": {"rd_expense": {"2024": "800万元"},
			                        "compute_purchases": {"2024": {"value": 320, "unit": "万元"}}}}}""";

	@Autowired
	MockMvc mvc;

	private ResultActions calculate(String body) throws Exception {
		return mvc.perform(post("/api/v1/policy/calculate").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void shouldListEveryPolicyOfTheDatasetNewestFirst() throws Exception {
		mvc.perform(get("/api/v1/policies"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("tianhe-ai-2025", "haizhu-large-model-2024")))
			.andExpect(jsonPath("$[0].id").value("tianhe-ai-2025"))
			.andExpect(jsonPath("$[0].illustrativeClauses").value(3))
			.andExpect(jsonPath("$[0].capPerEnterprisePerYearFen").value(1500_0000_00L))
			.andExpect(jsonPath("$[1].documentNumber").value("海科工商信规字〔2024〕1号"));
	}

	@Test
	void shouldFindPoliciesByDistrictTrackIssuerDateAndText() throws Exception {
		mvc.perform(get("/api/v1/policies").param("district", "440106"))
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("tianhe-ai-2025")));
		mvc.perform(get("/api/v1/policies").param("track", "gz.tianhe.ai"))
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("tianhe-ai-2025")));
		mvc.perform(get("/api/v1/policies").param("track", "gz.cluster.ai"))
			.andExpect(jsonPath("$", hasSize(2)));
		mvc.perform(get("/api/v1/policies").param("issuer", "海珠区"))
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("haizhu-large-model-2024")));
		// Tianhe's policy was released on 2025-02-07
		mvc.perform(get("/api/v1/policies").param("on", "2024-12-01"))
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("haizhu-large-model-2024")));
		mvc.perform(get("/api/v1/policies").param("q", "算力"))
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("tianhe-ai-2025")));
		mvc.perform(get("/api/v1/policies").param("q", "应用场景 示范"))
			.andExpect(jsonPath("$[*].id").value(containsInAnyOrder("haizhu-large-model-2024")));
		mvc.perform(get("/api/v1/policies").param("q", "100%_"))
			.andExpect(jsonPath("$", empty()));
	}

	@Test
	void shouldRefuseADateThatIsNoDate() throws Exception {
		mvc.perform(get("/api/v1/policies").param("on", "2025-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("on"));
	}

	@Test
	void shouldGiveAPolicyWithItsClausesParametersAndSource() throws Exception {
		mvc.perform(get("/api/v1/policies/tianhe-ai-2025"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capPerEnterprisePerYear.text").value("1500万元"))
			.andExpect(jsonPath("$.source.citation").value("S0"))
			.andExpect(jsonPath("$.source.confidence").value("high"))
			.andExpect(jsonPath("$.source.entry.publisher").value("南方都市报"))
			.andExpect(jsonPath("$.clauses[*].id").value(containsInAnyOrder("compute", "algorithm", "data")))
			.andExpect(jsonPath("$.clauses[?(@.id == 'algorithm')].award").value(hasItem("rd_expense[last_year] * algorithm_rate")))
			.andExpect(jsonPath("$.clauses[?(@.id == 'algorithm')].cap.fen").value(hasItem(100_0000_00)))
			.andExpect(jsonPath("$.clauses[?(@.id == 'algorithm')].illustrative").value(hasItem(true)))
			.andExpect(jsonPath("$.clauses[?(@.id == 'algorithm')].note").value(hasItem(containsString("S29"))))
			.andExpect(jsonPath("$.parameters[0].name").value("compute_subsidy_max"))
			.andExpect(jsonPath("$.parameters[1].values[0].value").value("0.1"))
			.andExpect(jsonPath("$.parameters[1].values[0].from").value("2025-02-07"))
			.andExpect(jsonPath("$.parameters[1].values[0].reference").value(containsString("S29")))
			.andExpect(jsonPath("$.yaml").value(containsString("id: tianhe-ai-2025")));
	}

	@Test
	void shouldAnswerAnUnknownPolicyWithNotFound() throws Exception {
		mvc.perform(get("/api/v1/policies/nowhere-2025"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("nowhere-2025")));
	}

	@Test
	void shouldCalculateEveryClauseWithAmountsReasonsAndMissingFacts() throws Exception {
		calculate(TIANHE_MODEL_COMPANY)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2025))
			.andExpect(jsonPath("$.date").value("2025-03-01"))
			// 150万元 for compute, 10% of 800万元 for the algorithm clause
			.andExpect(jsonPath("$.total.text").value("230万元"))
			.andExpect(jsonPath("$.complete").value(false))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].total.fen").value(hasItem(230_0000_00)))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'compute')].status")
				.value(hasItem("ELIGIBLE")))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'algorithm')].paid.text")
				.value(hasItem("80万元")))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'algorithm')].illustrative")
				.value(hasItem(true)))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'algorithm')].award[0]")
				.value(hasItem(containsString("rd_expense[last_year] * algorithm_rate → 80万元"))))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'data')].status")
				.value(hasItem("UNDETERMINED")))
			.andExpect(jsonPath("$.missing[*].name")
				.value(hasItem("data_assets_recognised[2024]")))
			.andExpect(jsonPath("$.missing[?(@.variable == 'data_assets_recognised')].clauses[0]")
				.value(hasItem("tianhe-ai-2025/data")))
			// Haizhu's clauses do not apply in Tianhe, and say why not
			.andExpect(jsonPath("$.policies[?(@.id == 'haizhu-large-model-2024')].clauses[?(@.id == 'llm-filing')].status")
				.value(hasItem("NOT_ELIGIBLE")))
			.andExpect(jsonPath("$.policies[?(@.id == 'haizhu-large-model-2024')].clauses[?(@.id == 'llm-filing')].reasons[0].condition")
				.value(hasItem("district == \"440105\"")))
			.andExpect(jsonPath("$.policies[?(@.id == 'haizhu-large-model-2024')].clauses[?(@.id == 'llm-filing')].reasons[0].grounds[0].value")
				.value(hasItem("\"440106\"")));
	}

	@Test
	void shouldCapTheAlgorithmSupportAndShowTheAmountBeforeTheCap() throws Exception {
		calculate("""
				{"year": 2025, "date": "2025-06-01",
				 "profile": {"facts": {"district": "440106", "filings": ["生成式人工智能服务备案"]},
				             "yearly": {"rd_expense": {"2024": "20000000元"}}}}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'algorithm')].computed.text")
				.value(hasItem("200万元")))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'algorithm')].paid.text")
				.value(hasItem("100万元")))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[?(@.id == 'algorithm')].reductions[0].kind")
				.value(hasItem("CLAUSE_CAP")));
	}

	@Test
	void shouldNotAssessAPolicyBeforeItIsInForce() throws Exception {
		calculate("""
				{"year": 2024, "date": "2024-12-01", "profile": {"facts": {"district": "440106"}}}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].inForce").value(hasItem(false)))
			.andExpect(jsonPath("$.policies[?(@.id == 'tianhe-ai-2025')].clauses[*]", empty()));
	}

	@Test
	void shouldRefuseAnAmountWithoutItsUnitNamingTheField() throws Exception {
		calculate("""
				{"year": 2025, "profile": {"yearly": {"rd_expense": {"2024": 800}}}}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("profile.yearly.rd_expense.2024"))
			.andExpect(jsonPath("$.errors[0].code").value("money.no-unit"))
			.andExpect(jsonPath("$.detail").value(containsString("800万元")));
	}

	@Test
	void shouldRefuseEveryBadFieldAtOnceWithSuggestions() throws Exception {
		calculate("""
				{"year": "last", "date": "2025-02-30",
				 "profile": {"facts": {"distrct": "440106", "revenue": "1万元"},
				             "yearly": {"rd_expense": {"2024": "1.001元"}, "compute_purchases": {"2024": {"value": 3, "unit": "美元"}}}}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("date", "year", "profile.facts.distrct",
					"profile.facts.revenue", "profile.yearly.rd_expense.2024", "profile.yearly.compute_purchases.2024.unit")))
			.andExpect(jsonPath("$.errors[?(@.field == 'profile.facts.distrct')].reason")
				.value(hasItem(containsString("did you mean district?"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'profile.yearly.rd_expense.2024')].code").value(hasItem("money.fen")));
	}

	@Test
	void shouldRefuseJsonThatIsNotWellFormed() throws Exception {
		calculate("{\"year\": 2025, \"profile\": {")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("body"));
	}

}

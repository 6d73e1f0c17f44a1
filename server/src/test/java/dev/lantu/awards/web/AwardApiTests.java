package dev.lantu.awards.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.lantu.awards.LedgerDataset;
import dev.lantu.awards.LedgerFixture;

/** The ledger over REST: the life of an award, and every refusal as a problem naming its field or rule. */
@SpringBootTest
@AutoConfigureMockMvc
class AwardApiTests {

	@DynamicPropertySource
	static void dataset(DynamicPropertyRegistry registry) throws IOException {
		LedgerDataset.register(registry);
	}

	@Autowired
	org.springframework.web.context.WebApplicationContext web;

	MockMvc mvc;

	/** Every request signed in as an administrator, who may do everything; who else may is the access tests'. */
	@org.junit.jupiter.api.BeforeEach
	void signIn() {
		mvc = dev.lantu.support.Callers.mockMvcAsAdmin(web);
	}

	@Autowired
	ApplicationContext context;

	String uscc;

	@BeforeEach
	void enterprise() {
		uscc = new LedgerFixture(context).enterprise(LedgerFixture.TIANHE, 1500, 200);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private long applied(String clause) throws Exception {
		String body = mvc.perform(json(post("/api/v1/awards/applications"), """
				{"uscc": "%s", "policy": "test-ledger-a", "clause": "%s", "year": 2025, "date": "2025-03-01"}"""
			.formatted(uscc, clause)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/awards/")))
			.andExpect(jsonPath("$.award.state").value("APPLIED"))
			.andExpect(jsonPath("$.award.entitlementFen").value(clause.equals("base") ? 150_000_000 : 100_000_000))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.award.id")).longValue();
	}

	@Test
	void shouldTakeAnAwardThroughItsLifeWithItsHistory() throws Exception {
		long id = applied("base");
		mvc.perform(json(post("/api/v1/awards/{id}/review", id), "{\"note\": \"材料齐全\"}"))
			.andExpect(jsonPath("$.award.state").value("UNDER_REVIEW"));
		mvc.perform(get("/api/v1/awards/{id}", id))
			.andExpect(jsonPath("$.approvableFen").value(150_000_000))
			.andExpect(jsonPath("$.limits[?(@.kind == 'POLICY_CAP')].remainingFen").value(300_000_000));
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{\"amountFen\": 120000000, \"reason\": \"核减\"}")
			.header("Idempotency-Key", "api-approve-" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.award.state").value("APPROVED"))
			.andExpect(jsonPath("$.award.amountFen").value(120_000_000))
			.andExpect(jsonPath("$.award.updatedBy").value("test-admin"))
			.andExpect(jsonPath("$.replayed").value(false));
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{\"amountFen\": 120000000, \"reason\": \"核减\"}")
			.header("Idempotency-Key", "api-approve-" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replayed").value(true));
		mvc.perform(json(post("/api/v1/awards/{id}/disbursement", id), "{\"reference\": \"凭证 001\"}"))
			.andExpect(jsonPath("$.award.state").value("DISBURSED"));
		mvc.perform(json(post("/api/v1/awards/{id}/clawback", id), "{\"reason\": \"项目未投产\"}"))
			.andExpect(jsonPath("$.award.state").value("CLAWED_BACK"));
		mvc.perform(get("/api/v1/awards/{id}", id))
			.andExpect(jsonPath("$.history", hasSize(5)))
			.andExpect(jsonPath("$.history[4].reason").value("项目未投产"))
			.andExpect(jsonPath("$.history[2].amountFen").value(120_000_000));
		mvc.perform(get("/api/v1/awards").param("uscc", uscc).param("state", "clawed_back"))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/awards/totals").param("policy", "test-ledger-a"))
			.andExpect(jsonPath("$[0].budgetFen").value(10_000_000_000L));
	}

	@Test
	void shouldRefuseAnIllegalTransitionWith409() throws Exception {
		long id = applied("base");
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{}").header("Idempotency-Key", "k-" + id))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("state"))
			.andExpect(jsonPath("$.state").value("APPLIED"))
			.andExpect(jsonPath("$.detail", containsString("cannot become APPROVED")));
	}

	@Test
	void shouldNameTheRuleThatRefusesAnApproval() throws Exception {
		long id = applied("compute");
		mvc.perform(json(post("/api/v1/awards/{id}/review", id), ""));
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{\"amountFen\": 100000001}")
			.header("Idempotency-Key", "over-" + id))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("amountFen"))
			.andExpect(jsonPath("$.approvableFen").value(100_000_000))
			.andExpect(jsonPath("$.binding[0].kind").value("CLAUSE"))
			.andExpect(jsonPath("$.type").value("https://lantu.dev/problems/approval-refused"));
	}

	@Test
	void shouldNeedAnIdempotencyKeyToApprove() throws Exception {
		long id = applied("base");
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
	}

	@Test
	void shouldNameEveryWrongField() throws Exception {
		mvc.perform(json(post("/api/v1/awards/applications"), """
				{"uscc": "%s", "policy": "test-ledger-a", "clause": "base", "year": "二〇二五", "amuont": 1}""".formatted(uscc)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("amuont", "year")));
		mvc.perform(json(post("/api/v1/awards/applications"), "{\"uscc\": \"" + uscc
				+ "\", \"policy\": \"test-ledger-a\", \"clause\": \"base\", \"profile\": {\"yearly\": {\"revenue\": {\"2024\": 12}}}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("profile.yearly.revenue.2024"));
		long id = applied("base");
		mvc.perform(json(post("/api/v1/awards/{id}/review", id), "{}"));
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{\"amountFen\": 12.5}").header("Idempotency-Key", "x-" + id))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("amountFen"));
		mvc.perform(json(post("/api/v1/awards/{id}/rejection", id), "{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		mvc.perform(get("/api/v1/awards/{id}", 987654321L)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/awards").param("state", "PAID"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("state"));
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{}").header("Idempotency-Key", "x-" + id));
		mvc.perform(json(post("/api/v1/awards/{id}/approval", id), "{\"amountFen\": 1}").header("Idempotency-Key", "x-" + id))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
	}

}

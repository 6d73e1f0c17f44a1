package dev.lantu.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The policies' pages, Chinese first and in English, and the calculator as a plain form. */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void shouldListThePoliciesWithTheirIllustrativeClausesCounted() throws Exception {
		mvc.perform(get("/policies"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("天河区人工智能产业支持政策"),
					containsString("海科工商信规字〔2024〕1号"), containsString("3 条为示例条款"),
					containsString("1500万元"), containsString("href=\"/policies/calculator\""))));
	}

	@Test
	void shouldFilterTheListByDistrictAndWords() throws Exception {
		mvc.perform(get("/policies").param("district", "440105").param("q", "示范"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"policy-haizhu-large-model-2024\""),
					not(containsString("id=\"policy-tianhe-ai-2025\"")))));
	}

	@Test
	void shouldShowAPolicyWithItsClausesBadgedWhenIllustrative() throws Exception {
		mvc.perform(get("/policies/tianhe-ai-2025"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"clause-algorithm\""),
					containsString("示例条款"), containsString("rd_expense[last_year] * algorithm_rate"),
					containsString("按研发投入10%支持"), containsString("algorithm_rate"),
					containsString("2025-02-07"), containsString("南方都市报"), containsString("天河区"))));
	}

	@Test
	void shouldSayIllustrativeNotLawInEnglish() throws Exception {
		mvc.perform(get("/policies/haizhu-large-model-2024").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("illustrative, not law"),
					containsString("Haizhu District rules"), containsString("on application"))));
	}

	@Test
	void shouldAnswerAnUnknownPolicyWithTheErrorPage() throws Exception {
		mvc.perform(get("/policies/nowhere").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("nowhere")));
	}

	@Test
	void shouldOfferAFieldForEveryVariableWithItsUnit() throws Exception {
		mvc.perform(get("/policies/calculator"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"f.district\""),
					containsString("name=\"f.filings\""), containsString("name=\"y.rd_expense.last\""),
					containsString("name=\"u.rd_expense\""), containsString("<option value=\"万元\""),
					containsString("<option value=\"元\""), containsString("研发费用"))));
	}

	@Test
	void shouldCalculateFromThePlainForm() throws Exception {
		String page = mvc.perform(post("/policies/calculator").with(dev.lantu.support.Callers.anonymous()).param("year", "2025").param("date", "2025-03-01")
			.param("f.district", "440106").param("f.filings", "生成式人工智能服务备案、算法备案")
			.param("y.rd_expense.last", "800").param("u.rd_expense", "万元")
			.param("y.compute_purchases.last", "3200000").param("u.compute_purchases", "元"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"total\">230万元<"),
					containsString("id=\"result-tianhe-ai-2025-algorithm\""), containsString("为什么符合"),
					containsString("为什么不符合"), containsString("/policies/tianhe-ai-2025#clause-algorithm"),
					containsString("补充以下信息"), containsString("data_product_transactions[2024]"),
					containsString("value=\"800\""), containsString("href=\"#result-tianhe-ai-2025-data\""))))
			.andReturn().getResponse().getContentAsString();
		// what pays comes before what does not
		assertThat(page.indexOf("id=\"result-tianhe-ai-2025\"")).isPositive()
			.isLessThan(page.indexOf("id=\"result-haizhu-large-model-2024\""));
	}

	@Test
	void shouldRefuseAnAmountFinerThanAFenAtItsField() throws Exception {
		mvc.perform(post("/policies/calculator").with(dev.lantu.support.Callers.anonymous()).param("year", "2025").param("f.district", "440106")
			.param("y.rd_expense.last", "1.0000001").param("u.rd_expense", "万元"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("无法计算"),
					containsString("金额精确到分即可"), not(containsString("id=\"results\"")))));
	}

}

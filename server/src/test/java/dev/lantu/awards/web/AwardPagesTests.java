package dev.lantu.awards.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.awards.LedgerDataset;
import dev.lantu.awards.LedgerFixture;

/** The ledger's pages: apply through the form, move the award on through its forms, see it listed with the totals. */
@SpringBootTest
@AutoConfigureMockMvc
class AwardPagesTests {

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

	@Test
	void shouldApplyReviewApproveAndListThroughThePages() throws Exception {
		String uscc = new LedgerFixture(context).enterprise(LedgerFixture.TIANHE, 1500, null);
		mvc.perform(get("/awards/new").param("uscc", uscc).param("policy", "test-ledger-a").param("clause", "base"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(uscc)));
		String location = mvc.perform(post("/awards").param("kind", "application").param("uscc", uscc)
			.param("policy", "test-ledger-a").param("clause", "base").param("year", "2025").param("date", "2025-03-01")
			.param("key", "page-apply-" + uscc))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String id = location.replaceAll("^/awards/(\\d+).*$", "$1");
		mvc.perform(get(location)).andExpect(status().isOk()).andExpect(content().string(containsString("已登记")))
			.andExpect(content().string(containsString("150万元")));
		mvc.perform(post("/awards/{id}/review", id).param("key", "page-review-" + id))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/awards/{id}", id)).andExpect(content().string(containsString("最多可核定 150万元")));
		mvc.perform(post("/awards/{id}/approval", id).param("amount", "151").param("key", "a1-" + id))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("at most 150万元 can be approved")));
		mvc.perform(post("/awards/{id}/approval", id).param("amount", "120.5").param("key", "a2-" + id))
			.andExpect(status().is3xxRedirection());
		// the same form sent twice pays once
		mvc.perform(post("/awards/{id}/approval", id).param("amount", "120.5").param("key", "a2-" + id))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/awards/{id}", id))
			.andExpect(content().string(containsString("120.5万元")))
			.andExpect(content().string(containsString("test-admin")))
			.andExpect(content().string(containsString("form-clawback")))
			.andExpect(content().string(not(containsString("form-approval"))));
		mvc.perform(post("/awards/{id}/rejection", id).param("reason", "晚了"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("不能改为")));
		mvc.perform(get("/awards").param("policy", "test-ledger-a").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Award ledger")))
			.andExpect(content().string(containsString("of 1亿元")));
		mvc.perform(get("/awards").param("uscc", uscc)).andExpect(content().string(containsString("共 1 笔")));
	}

	@Test
	void shouldShowTheFormAgainNamingWhatIsWrong() throws Exception {
		String uscc = new LedgerFixture(context).enterprise(LedgerFixture.HAIZHU, 1500, null);
		mvc.perform(post("/awards").param("kind", "application").param("uscc", uscc).param("policy", "test-ledger-a")
			.param("clause", "base").param("year", "2025"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不符合条款 base")));
		mvc.perform(post("/awards").param("kind", "application").param("uscc", uscc).param("policy", "test-ledger-a")
			.param("clause", "base").param("year", "今年"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请填写年度")));
		mvc.perform(get("/awards/{id}", 987654321L).header("Accept", "text/html")).andExpect(status().isNotFound());
	}

}

package dev.lantu.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import dev.lantu.accounts.Caller;
import dev.lantu.registry.SyntheticRegistryAccess;
import dev.lantu.support.Callers;

/**
 * Who sees and moves which award (docs/accounts.md), on the default dataset: a Tianhe enterprise under Tianhe's
 * policy, a Yuexiu enterprise under Haizhu's. Lists and totals are filtered, a guessed id of an award one may not
 * see is not found, a refused change changes nothing, and every change is audited with the award before and after.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AwardAccessTests {

	static final String TIANHE_ISSUER = "广州市天河区";

	static final String HAIZHU_ISSUER = "广州市海珠区科技工业商务和信息化局";

	@Autowired
	AwardLedger ledger;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	String tianhe;

	String yuexiu;

	long tianheAward;

	long yuexiuAward;

	@BeforeEach
	void awards() {
		Random random = new Random();
		tianhe = SyntheticRegistryAccess.uscc("440106", random);
		yuexiu = SyntheticRegistryAccess.uscc("440104", random);
		AwardsAccessFixture.enterprise(context, tianhe, "440106");
		AwardsAccessFixture.enterprise(context, yuexiu, "440104");
		// no authentication: the system, as the command line and the fixtures
		tianheAward = ledger.apply(AwardsAccessFixture.own(tianhe), "system", null).award().id();
		yuexiuAward = ledger.apply(AwardsAccessFixture.other(yuexiu), "system", null).award().id();
	}

	private static <T> T as(Caller caller, Supplier<T> work) {
		Object[] result = new Object[1];
		Callers.run(caller, () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T answer = (T) result[0];
		return answer;
	}

	private List<Long> listed(Caller caller) {
		return as(caller, () -> ledger.search(AwardFilter.all(), 0, AwardLedger.MAX_PAGE_SIZE).awards().stream()
			.map(Award::id).toList());
	}

	@Test
	void shouldListToEachRoleExactlyTheAwardsItMaySee() {
		assertThat(listed(Callers.admin())).contains(tianheAward, yuexiuAward);
		assertThat(listed(Callers.district("440106"))).contains(tianheAward).doesNotContain(yuexiuAward);
		assertThat(listed(Callers.district("440104"))).contains(yuexiuAward).doesNotContain(tianheAward);
		assertThat(listed(Callers.policyOfficer(TIANHE_ISSUER))).contains(tianheAward).doesNotContain(yuexiuAward);
		assertThat(listed(Callers.policyOfficer(HAIZHU_ISSUER))).contains(yuexiuAward).doesNotContain(tianheAward);
		assertThat(listed(Callers.enterprise(tianhe))).containsExactly(tianheAward);
		assertThat(listed(Callers.enterprise(yuexiu))).containsExactly(yuexiuAward);
		// asking for another district's awards finds none of them
		assertThat(as(Callers.district("440106"), () -> ledger.search(new AwardFilter(null, "440104", null, null, null), 0, 50)
			.total())).isZero();
		// the totals are over what the caller sees
		List<PolicyTotal> totals = as(Callers.enterprise(tianhe), () -> ledger.totals(AwardFilter.all()));
		assertThat(totals).extracting(PolicyTotal::policyId).containsExactly(AwardsAccessFixture.OWN_POLICY);
		assertThat(totals.get(0).awards()).isEqualTo(1);
	}

	@Test
	void shouldAnswerNotFoundForAnAwardTheCallerMayNotSee() {
		assertThat(as(Callers.enterprise(tianhe), () -> ledger.get(tianheAward).uscc())).isEqualTo(tianhe);
		assertThat(as(Callers.district("440106"), () -> ledger.history(tianheAward))).hasSize(1);
		assertThat(as(Callers.policyOfficer(TIANHE_ISSUER), () -> ledger.headroom(tianheAward).maxFen())).isPositive();
		for (Caller stranger : List.of(Callers.enterprise(yuexiu), Callers.district("440104"),
				Callers.policyOfficer(HAIZHU_ISSUER))) {
			assertThatThrownBy(() -> as(stranger, () -> ledger.get(tianheAward))).isInstanceOf(AwardNotFoundException.class)
				.hasMessage(new AwardNotFoundException(tianheAward).getMessage());
			assertThatThrownBy(() -> as(stranger, () -> ledger.history(tianheAward)))
				.isInstanceOf(AwardNotFoundException.class);
			assertThatThrownBy(() -> as(stranger, () -> ledger.startReview(tianheAward, null, stranger.username(), null)))
				.isInstanceOf(AwardNotFoundException.class);
		}
		var visitor = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		visitor.setAuthentication(new org.springframework.security.authentication.AnonymousAuthenticationToken("key",
				"anonymousUser", List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
		org.springframework.security.core.context.SecurityContextHolder.setContext(visitor);
		try {
			assertThatThrownBy(() -> ledger.get(tianheAward)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> ledger.search(AwardFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Test
	void shouldRefuseChangesToWhoMayNotMakeThemAndChangeNothing() {
		long entries = auditEntries(tianheAward);
		// who sees the award but does not decide on it: 403
		for (Caller watcher : List.of(Callers.enterprise(tianhe), Callers.district("440106"))) {
			assertThatThrownBy(() -> as(watcher, () -> ledger.startReview(tianheAward, null, watcher.username(), null)))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> as(watcher, () -> ledger.reject(tianheAward, "不行", watcher.username(), null)))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> as(Callers.policyOfficer(TIANHE_ISSUER),
				() -> ledger.propose(AwardsAccessFixture.other(tianhe), "test-policy", null)))
			.isInstanceOf(AccessDeniedException.class);
		// applying for another's enterprise, or as a policy officer
		assertThatThrownBy(() -> as(Callers.enterprise(tianhe), () -> ledger.apply(AwardsAccessFixture.other(yuexiu),
				"e", null))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.district("440106"), () -> ledger.apply(AwardsAccessFixture.other(yuexiu),
				"d", null))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.policyOfficer(TIANHE_ISSUER), () -> ledger.apply(AwardsAccessFixture.own(tianhe),
				"p", null))).isInstanceOf(AccessDeniedException.class);
		Award unchanged = ledger.get(tianheAward);
		assertThat(unchanged.state()).isEqualTo(AwardState.APPLIED);
		assertThat(unchanged.version()).isEqualTo(1);
		assertThat(auditEntries(tianheAward)).isEqualTo(entries);
		assertThat(listed(Callers.admin()).stream().filter(id -> ledger.get(id).uscc().equals(yuexiu))).hasSize(1);
	}

	@Test
	void shouldAuditEveryTransitionWithTheAwardBeforeAndAfter() {
		long own = as(Callers.enterprise(tianhe), () -> ledger.apply(AwardsAccessFixture.own(tianhe),
				Callers.enterprise(tianhe).username(), null).award().id());
		Caller officer = Callers.policyOfficer(TIANHE_ISSUER);
		as(officer, () -> ledger.startReview(own, "齐全", officer.username(), null));
		as(officer, () -> ledger.approve(own, 100_000_000L, "核定", officer.username(), "audit-" + own));
		// a replay changes nothing and is not audited again
		as(officer, () -> ledger.approve(own, 100_000_000L, "核定", officer.username(), "audit-" + own));
		as(officer, () -> ledger.disburse(own, "凭证", officer.username(), null));
		as(officer, () -> ledger.clawBack(own, "未投产", officer.username(), null));
		List<Map<String, Object>> entries = jdbc.sql("""
				select action, actor, actor_role, district_code, before_state, after_state from audit_entry
				where entity_type = 'award' and entity_id = ? order by id""").param(String.valueOf(own)).query().listOfRows();
		assertThat(entries).extracting(e -> e.get("action")).containsExactly("award.apply", "award.review",
				"award.approve", "award.disburse", "award.clawback");
		assertThat(entries).extracting(e -> e.get("district_code")).containsOnly("440106");
		assertThat(entries.get(0).get("actor")).isEqualTo(Callers.enterprise(tianhe).username());
		assertThat(entries.get(0).get("before_state")).isNull();
		assertThat((String) entries.get(0).get("after_state")).contains("\"state\":\"APPLIED\"");
		assertThat(entries.get(2).get("actor")).isEqualTo(officer.username());
		assertThat(entries.get(2).get("actor_role")).isEqualTo("POLICY_OFFICER");
		assertThat((String) entries.get(2).get("before_state")).contains("\"state\":\"UNDER_REVIEW\"");
		assertThat((String) entries.get(2).get("after_state")).contains("\"state\":\"APPROVED\"", "\"amountFen\":100000000");
		// the history says who, as the audit log does
		assertThat(ledger.history(own)).extracting(AwardEvent::recordedBy).containsExactly(
				Callers.enterprise(tianhe).username(), officer.username(), officer.username(), officer.username(),
				officer.username());
	}

	private long auditEntries(long award) {
		return jdbc.sql("select count(*) from audit_entry where entity_type = 'award' and entity_id = ?")
			.param(String.valueOf(award)).query(Long.class).single();
	}

}

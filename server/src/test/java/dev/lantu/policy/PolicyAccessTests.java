package dev.lantu.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import dev.lantu.accounts.Caller;
import dev.lantu.registry.SyntheticRegistryAccess;
import dev.lantu.support.AccessWorld;
import dev.lantu.support.Callers;

/**
 * Who sees a policy's matches, its simulation and an enterprise's policies (docs/accounts.md): filtered for a
 * district officer and for a policy officer of another issuer, refused to enterprises.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyAccessTests {

	static final String TIANHE = "tianhe-ai-2025";

	static final String TIANHE_ISSUER = "广州市天河区";

	static final String HAIZHU_ISSUER = "广州市海珠区科技工业商务和信息化局";

	@Autowired
	PolicyMatching matching;

	@Autowired
	BudgetSimulation simulation;

	@Autowired
	ApplicationContext context;

	private static <T> T as(Caller caller, Supplier<T> work) {
		Object[] result = new Object[1];
		Callers.run(caller, () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T answer = (T) result[0];
		return answer;
	}

	@Test
	void shouldShowADistrictOfficerOnlyTheMatchesOfTheirDistrict() {
		MatchReport all = matching.match(TIANHE, 2025, java.time.LocalDate.of(2025, 6, 1), null, EvaluationPath.BATCH, 0, 500);
		MatchReport theirs = as(Callers.district("440106"), () -> matching.match(TIANHE, 2025,
				java.time.LocalDate.of(2025, 6, 1), null, EvaluationPath.BATCH, 0, 500));
		assertThat(theirs.matches()).allSatisfy(m -> assertThat(m.district()).isEqualTo("440106"));
		assertThat(theirs.district()).isEqualTo("440106");
		assertThat(theirs.evaluated()).isLessThanOrEqualTo(all.evaluated());
		MatchReport elsewhere = as(Callers.district("440106"), () -> matching.match(TIANHE, 2025,
				java.time.LocalDate.of(2025, 6, 1), "440104", EvaluationPath.BATCH, 0, 500));
		assertThat(elsewhere.matches()).isEmpty();
		assertThat(elsewhere.total()).isZero();
	}

	@Test
	void shouldRefuseMatchesAndSimulationToWhomTheyAreNotFor() {
		String uscc = SyntheticRegistryAccess.uscc("440106", new Random());
		assertThatThrownBy(() -> as(Callers.enterprise(uscc), () -> matching.match(TIANHE, null, null, null, null, 0, 10)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.policyOfficer(HAIZHU_ISSUER),
				() -> matching.match(TIANHE, null, null, null, null, 0, 10))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.district("440106"), () -> simulation.simulate(TIANHE,
				simulation.read(TIANHE, java.util.Map.of())))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.policyOfficer(HAIZHU_ISSUER), () -> simulation.overridable(TIANHE, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(as(Callers.policyOfficer(TIANHE_ISSUER), () -> simulation.overridable(TIANHE, null))).isNotEmpty();
	}

	@Test
	void shouldShowAPolicyOfficerOnlyTheirIssuersPoliciesOfAnEnterprise() {
		AccessWorld world = new AccessWorld("440106", "440104", SyntheticRegistryAccess.uscc("440106", new Random()),
				SyntheticRegistryAccess.uscc("440104", new Random()), TIANHE_ISSUER, HAIZHU_ISSUER);
		new PolicyAccessFixture().prepare(context, world);
		CalculationReport full = as(Callers.enterprise(world.ownUscc()), () -> matching.forEnterprise(world.ownUscc(), 2025,
				null));
		assertThat(full.policies()).extracting(CalculationReport.PolicyResult::issuer).contains(TIANHE_ISSUER, HAIZHU_ISSUER);
		CalculationReport haizhu = as(Callers.policyOfficer(HAIZHU_ISSUER), () -> matching.forEnterprise(world.ownUscc(),
				2025, null));
		assertThat(haizhu.policies()).extracting(CalculationReport.PolicyResult::issuer).containsOnly(HAIZHU_ISSUER);
		assertThat(haizhu.missing()).allSatisfy(f -> assertThat(f.clauses())
			.allSatisfy(c -> assertThat(c).startsWith("haizhu-large-model-2024/")));
		assertThatThrownBy(() -> as(Callers.district("440104"), () -> matching.forEnterprise(world.ownUscc(), 2025, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.enterprise(world.otherUscc()),
				() -> matching.forEnterprise(world.ownUscc(), 2025, null))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(Callers.district("440104"), () -> matching.explain(TIANHE, world.ownUscc(), 2025, null)))
			.isInstanceOf(AccessDeniedException.class);
	}

}

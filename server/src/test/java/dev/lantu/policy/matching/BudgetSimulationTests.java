package dev.lantu.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lantu.engine.policy.Assessment;
import dev.lantu.policy.BudgetSimulation;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.InputProblem;
import dev.lantu.policy.MatchingInputException;
import dev.lantu.policy.SimulationReport;
import dev.lantu.policy.StoredPolicy;
import dev.lantu.policy.store.CompiledPolicies;
import dev.lantu.registry.EnterpriseService;

/** Budget simulation over the synthetic registry: what-if changes move the cost exactly as they should. */
class BudgetSimulationTests extends RegistryMatchingTest {

	static final long WAN = 1_000_000L;

	@Autowired
	BudgetSimulation simulation;

	@Autowired
	RegistryEvaluation evaluation;

	@Autowired
	CompiledPolicies compiled;

	@Autowired
	EnterpriseService enterprises;

	private SimulationReport simulate(String policy, EvaluationPath path, Map<String, Object> overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("path", path.name().toLowerCase());
		body.put("overrides", overrides);
		return simulation.simulate(policy, simulation.read(policy, body));
	}

	private static SimulationReport.ClauseCost clause(SimulationReport.Cost cost, String id) {
		return cost.byClause().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
	}

	/** The enterprises the clause is eligible for, from a run of the policies as they stand. */
	private List<String> eligibleFor(String policyId, String clauseId) {
		LocalDate date = LocalDate.now();
		CompiledPolicies.Snapshot snapshot = compiled.current();
		RegistryEvaluation.Run run = new RegistryEvaluation.Run(snapshot.schema(),
				snapshot.policies().stream().map(StoredPolicy::document).toList(), snapshot.issuerCaps(), date.getYear(), date);
		int policy = run.policyIndex(policyId);
		int clause = run.firstClause(policy) + run.policies().get(policy).clauses().stream().map(c -> c.clause().id())
			.toList().indexOf(clauseId);
		List<String> eligible = new ArrayList<>();
		evaluation.run(run, EvaluationPath.BATCH, outcome -> {
			if (outcome.status()[clause] == Assessment.Status.ELIGIBLE) {
				eligible.add(outcome.uscc());
			}
		}, done -> {
		});
		return eligible;
	}

	@Test
	void shouldRaiseTheCostExactlyWhenTheRateIsRaised() {
		// Tianhe's algorithm clause pays rd_expense[last_year] × algorithm_rate, at most 100万元
		long expectedAtTen = 0;
		long expectedAtTwenty = 0;
		List<String> eligible = eligibleFor(TIANHE, "algorithm");
		assertThat(eligible).isNotEmpty();
		int lastYear = LocalDate.now().getYear() - 1;
		for (String uscc : eligible) {
			Long rd = (Long) enterprises.facts(uscc, LocalDate.now()).fact("rd_expense", lastYear).orElse(null);
			if (rd == null) {
				continue; // eligible, but the amount is unknown: not counted in the cost
			}
			expectedAtTen += Math.min(100 * WAN, BigDecimal.valueOf(rd).multiply(new BigDecimal("0.10"))
				.setScale(0, RoundingMode.HALF_UP).longValueExact());
			expectedAtTwenty += Math.min(100 * WAN, BigDecimal.valueOf(rd).multiply(new BigDecimal("0.20"))
				.setScale(0, RoundingMode.HALF_UP).longValueExact());
		}
		for (EvaluationPath path : EvaluationPath.values()) {
			SimulationReport report = simulate(TIANHE, path, Map.of("algorithm_rate", "20%"));
			assertThat(report.overrides()).containsEntry("algorithm_rate", "0.2");
			assertThat(clause(report.baseline(), "algorithm").cost().fen()).as(path.name()).isEqualTo(expectedAtTen);
			assertThat(clause(report.whatIf(), "algorithm").cost().fen()).as(path.name()).isEqualTo(expectedAtTwenty);
			assertThat(report.change().fen()).as(path.name()).isEqualTo(expectedAtTwenty - expectedAtTen);
			assertThat(clause(report.whatIf(), "compute").cost()).isEqualTo(clause(report.baseline(), "compute").cost());
		}
	}

	@Test
	void shouldPayEveryComputePayeeTheRaisedMaximumWhenTheCapRisesWithIt() {
		SimulationReport report = simulate(TIANHE, EvaluationPath.BATCH,
				Map.of("compute_subsidy_max", "200万元", "clause.compute.cap", "200万元"));
		SimulationReport.ClauseCost before = clause(report.baseline(), "compute");
		SimulationReport.ClauseCost after = clause(report.whatIf(), "compute");
		assertThat(before.paid()).isPositive();
		assertThat(before.cost().fen()).isEqualTo(before.paid() * 150 * WAN);
		assertThat(after.paid()).isEqualTo(before.paid());
		assertThat(after.cost().fen()).isEqualTo(before.paid() * 200 * WAN);
		assertThat(report.change().fen()).isEqualTo(before.paid() * 50 * WAN);
		// raising the maximum alone leaves the clause's cap of 150万元 to bind
		SimulationReport capped = simulate(TIANHE, EvaluationPath.BATCH, Map.of("compute_subsidy_max", "200万元"));
		assertThat(capped.change().fen()).isZero();
	}

	@Test
	void shouldShareTheCostOutByDistrictTrackAndClause() {
		SimulationReport report = simulate(HAIZHU, EvaluationPath.SQL, Map.of());
		SimulationReport.Cost cost = report.baseline();
		assertThat(report.whatIf()).isNull();
		assertThat(report.synthetic()).isTrue();
		assertThat(report.evaluated()).isEqualTo(ENTERPRISES);
		assertThat(cost.cost().fen()).isPositive();
		assertThat(cost.byDistrict()).extracting(SimulationReport.Share::key).containsExactly("440105");
		assertThat(cost.byDistrict().get(0).label()).isEqualTo("海珠区");
		assertThat(cost.byDistrict().get(0).cost()).isEqualTo(cost.cost());
		// Haizhu pays filings, which only the software enterprises have: all in the city's AI track
		assertThat(cost.byTrack()).extracting(SimulationReport.Share::key).containsExactly("gz.cluster.ai");
		assertThat(cost.byTrack().get(0).label()).isEqualTo("人工智能");
		assertThat(cost.byTrack().get(0).cost()).isEqualTo(cost.cost());
		// nobody in the registry has a scenario project on record: undetermined, not refused
		assertThat(clause(cost, "application-scenario").undetermined()).isPositive();
		assertThat(clause(cost, "algorithm-filing").proactive()).isTrue();
	}

	@Test
	void shouldCountAnEnterpriseInEachOfItsTracks() {
		SimulationReport.Cost cost = simulate(TIANHE, EvaluationPath.SQL, Map.of()).baseline();
		Map<String, SimulationReport.Share> byTrack = new LinkedHashMap<>();
		cost.byTrack().forEach(share -> byTrack.put(share.key(), share));
		// a Tianhe software enterprise sits in the city's AI track and in Tianhe's
		assertThat(byTrack.get("gz.tianhe.ai").cost()).isEqualTo(byTrack.get("gz.cluster.ai").cost());
		assertThat(byTrack.get("gz.tianhe.ai").payees()).isPositive();
		long counted = byTrack.values().stream().filter(s -> !s.key().equals("gz.tianhe.ai")).mapToLong(s -> s.cost().fen()).sum();
		assertThat(counted).isEqualTo(cost.cost().fen());
		assertThat(cost.byClause().stream().mapToLong(c -> c.cost().fen()).sum()).isEqualTo(cost.cost().fen());
		assertThat(cost.byDistrict().get(0).payees()).isEqualTo(cost.payees());
	}

	@Test
	void shouldReportTheBudgetExceeded() {
		SimulationReport report = simulate(HAIZHU, EvaluationPath.BATCH, Map.of("policy.budget", "1万元"));
		assertThat(report.baseline().budget().fen()).isEqualTo(310_000_000_00L);
		assertThat(report.baseline().budgetExceeded()).isFalse();
		assertThat(report.whatIf().budget().fen()).isEqualTo(WAN);
		assertThat(report.whatIf().budgetExceeded()).isTrue();
		assertThat(report.whatIf().overBudget().fen()).isEqualTo(report.whatIf().cost().fen() - WAN);
		assertThat(report.change().fen()).isZero();
	}

	@Test
	void shouldRefuseOverridesNamingEachBadField() {
		Map<String, Object> overrides = new LinkedHashMap<>();
		overrides.put("algorithm_rat", "15%");
		overrides.put("compute_subsidy_max", 200);
		overrides.put("clause.comput.cap", "1元");
		overrides.put("policy.budget", "-1元");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("overrides", overrides);
		body.put("yeer", 2025);
		assertThatThrownBy(() -> simulation.read(TIANHE, body)).isInstanceOfSatisfying(MatchingInputException.class,
				e -> assertThat(e.problems()).extracting(InputProblem::field, InputProblem::code).containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple("yeer", "unknown-field"),
						org.assertj.core.groups.Tuple.tuple("overrides.algorithm_rat", "unknown-parameter"),
						org.assertj.core.groups.Tuple.tuple("overrides.compute_subsidy_max", "money.no-unit"),
						org.assertj.core.groups.Tuple.tuple("overrides.clause.comput.cap", "unknown-clause"),
						org.assertj.core.groups.Tuple.tuple("overrides.policy.budget", "negative")));
		assertThatThrownBy(() -> simulation.read(TIANHE, Map.of("overrides", Map.of("algorithm_rate", "很多"))))
			.isInstanceOfSatisfying(MatchingInputException.class, e -> {
				assertThat(e.problems()).extracting(InputProblem::field).containsExactly("overrides.algorithm_rate");
				assertThat(e.problems().get(0).code()).isEqualTo("type.number");
			});
		assertThatThrownBy(() -> simulation.read(TIANHE, Map.of("overrides", Map.of("compute_subsidy_max", "15%"))))
			.isInstanceOfSatisfying(MatchingInputException.class,
					e -> assertThat(e.problems()).extracting(InputProblem::field).containsExactly("overrides.compute_subsidy_max"));
	}

}

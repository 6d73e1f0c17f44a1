package dev.lantu.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Calculation;
import dev.lantu.engine.policy.Calculator;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.StoredPolicy;
import dev.lantu.policy.store.CompiledPolicies;
import dev.lantu.registry.EnterpriseService;

/**
 * The two paths over the registry, the batch path (columns streamed from the database) and the SQL path (the
 * profile table filled by the database, the compiled SQL run there), give every enterprise of the synthetic
 * registry the same results under the Guangzhou policies, clause by clause, and both are what the calculator
 * gives each enterprise from its facts one at a time.
 */
class RegistryPathsAgreementTests extends RegistryMatchingTest {

	@Autowired
	RegistryEvaluation evaluation;

	@Autowired
	CompiledPolicies compiled;

	@Autowired
	EnterpriseService enterprises;

	private RegistryEvaluation.Run run(LocalDate date) {
		CompiledPolicies.Snapshot snapshot = compiled.current();
		return new RegistryEvaluation.Run(snapshot.schema(), snapshot.policies().stream().map(StoredPolicy::document).toList(),
				snapshot.issuerCaps(), date.getYear(), date);
	}

	private Map<String, RegistryOutcome> outcomes(RegistryEvaluation.Run run, EvaluationPath path) {
		Map<String, RegistryOutcome> outcomes = new LinkedHashMap<>();
		long[] progress = { -1 };
		evaluation.run(run, path, outcome -> outcomes.put(outcome.uscc(), outcome), done -> progress[0] = done);
		assertThat(progress[0]).as("the last progress report counts every enterprise").isEqualTo(outcomes.size());
		return outcomes;
	}

	@Test
	void shouldGiveEveryEnterpriseTheSameResultsOnBothPathsAsTheCalculator() {
		LocalDate date = LocalDate.now();
		RegistryEvaluation.Run run = run(date);
		Map<String, RegistryOutcome> batch = outcomes(run, EvaluationPath.BATCH);
		Map<String, RegistryOutcome> sql = outcomes(run, EvaluationPath.SQL);
		assertThat(batch).hasSize(ENTERPRISES);
		assertThat(sql.keySet()).containsExactlyElementsOf(batch.keySet());

		Calculator calculator = new Calculator(run.schema(), run.policies(), compiled.current().issuerCaps());
		int[] eligible = new int[run.clauseCount()];
		int[] undetermined = new int[run.clauseCount()];
		for (RegistryOutcome b : batch.values()) {
			RegistryOutcome s = sql.get(b.uscc());
			String where = b.uscc();
			assertThat(s.district()).as(where).isEqualTo(b.district());
			assertThat(s.tracks()).as(where + " tracks").isEqualTo(b.tracks());
			String industry = enterprises.get(b.uscc()).industryCode();
			if (industry.startsWith("65")) {
				assertThat(b.tracks()).as(where).contains("gz.cluster.ai").hasSize(b.district().equals("440106") ? 2 : 1);
			}
			else if (industry.equals("5211")) {
				assertThat(b.tracks()).as(where + ": classified into no track").isEmpty();
			}
			else if (!industry.startsWith("36")) {
				assertThat(b.tracks()).as(where + ": not classified, so unknown").isNull();
			}
			assertThat(s.status()).as(where + " status").containsExactly(b.status());
			assertThat(s.award()).as(where + " award").containsExactly(b.award());
			assertThat(s.paid()).as(where + " paid").containsExactly(b.paid());

			Calculation calculation = calculator.calculate(
					EngineFacts.enterprise(run.schema(), enterprises.facts(b.uscc(), date)), run.year(), date);
			for (int p = 0; p < run.policies().size(); p++) {
				Calculation.PolicyOutcome policy = calculation.policies().get(p);
				assertThat(policy.policy().id()).isEqualTo(run.policies().get(p).id());
				for (int c = 0; c < policy.clauses().size(); c++) {
					Calculation.ClauseOutcome clause = policy.clauses().get(c);
					int i = run.firstClause(p) + c;
					String at = where + " " + policy.policy().id() + "/" + clause.clause().clause().id();
					assertThat(b.status()[i]).as(at).isEqualTo(clause.status());
					Long entitlement = clause.status() == Assessment.Status.FAILED ? null
							: clause.entitlement() instanceof Value.Money money ? money.fen() : null;
					assertThat(b.award()[i]).as(at).isEqualTo(entitlement);
					assertThat(b.determined(i)).as(at).isEqualTo(clause.determined());
					if (clause.determined()) {
						assertThat(b.paidFen(i)).as(at).isEqualTo(clause.awardedFen());
					}
					eligible[i] += clause.status() == Assessment.Status.ELIGIBLE ? 1 : 0;
					undetermined[i] += clause.status() == Assessment.Status.UNDETERMINED ? 1 : 0;
				}
			}
		}
		// the comparison is not vacuous: the registry makes every Guangzhou policy pay someone and leaves some open
		for (int p = 0; p < run.policies().size(); p++) {
			int from = run.firstClause(p);
			int to = from + run.policies().get(p).clauses().size();
			assertThat(Arrays.stream(eligible, from, to).sum()).as(run.policies().get(p).id() + " eligible").isPositive();
			assertThat(Arrays.stream(undetermined, from, to).sum()).as(run.policies().get(p).id() + " undetermined").isPositive();
		}
		assertThat(batch.values().stream().mapToLong(o -> {
			long sum = 0;
			for (int i = 0; i < run.clauseCount(); i++) {
				sum += o.paidFen(i);
			}
			return sum;
		}).sum()).isPositive();
		assertThat(List.copyOf(batch.keySet())).isSorted();
	}

}

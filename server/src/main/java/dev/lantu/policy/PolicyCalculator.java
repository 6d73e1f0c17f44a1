package dev.lantu.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.ParameterUse;
import dev.lantu.engine.eval.Read;
import dev.lantu.engine.eval.Step;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Calculation;
import dev.lantu.engine.policy.Calculator;
import dev.lantu.engine.policy.Parameter;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.policy.CalculationReport.ClauseResult;
import dev.lantu.policy.CalculationReport.Ground;
import dev.lantu.policy.CalculationReport.MissingFact;
import dev.lantu.policy.CalculationReport.PolicyResult;
import dev.lantu.policy.CalculationReport.Reason;
import dev.lantu.policy.store.CompiledPolicies;

/**
 * The policy calculator (政策计算器) over the loaded dataset's policies: the engine's {@link Calculator}
 * (clause caps, exclusive subjects 就高不重复, the policy's and the issuer's caps), its result put in the
 * words a reader needs: amounts with their units, the conditions that decide, the facts to add.
 */
@Service
public class PolicyCalculator {

	private final CompiledPolicies compiled;

	PolicyCalculator(CompiledPolicies compiled) {
		this.compiled = compiled;
	}

	/** The variables a profile may give, in the order the schema declares them. */
	public List<Variable> variables() {
		return compiled.current().variables();
	}

	/**
	 * Reads a request against the schema of the loaded policies.
	 *
	 * @throws CalculationInputException naming every field that is wrong
	 */
	public CalculationInput read(Object body, LocalDate today) {
		return CalculationInput.read(body, compiled.current().schema(), today);
	}

	public CalculationReport calculate(CalculationInput input) {
		CompiledPolicies.Snapshot snapshot = compiled.current();
		Map<String, StoredPolicy> stored = new LinkedHashMap<>();
		snapshot.policies().forEach(policy -> stored.put(policy.id(), policy));
		Calculator calculator = new Calculator(snapshot.schema(),
				snapshot.policies().stream().map(StoredPolicy::document).toList(), snapshot.issuerCaps());
		Calculation calculation = calculator.calculate(input.enterprise(), input.year(), input.date());
		Map<Fact, List<String>> decides = new TreeMap<>();
		List<PolicyResult> policies = new ArrayList<>();
		long possible = calculation.totalFen();
		for (Calculation.PolicyOutcome outcome : calculation.policies()) {
			PolicyDocument policy = outcome.policy();
			List<ClauseResult> clauses = new ArrayList<>();
			for (Calculation.ClauseOutcome clause : outcome.clauses()) {
				ClauseResult result = clause(policy, clause, snapshot.schema());
				clauses.add(result);
				clause.assessment().missing().forEach(fact -> decides.computeIfAbsent(fact, f -> new ArrayList<>())
					.add(policy.id() + "/" + clause.clause().clause().id()));
				if (clause.status() == Assessment.Status.UNDETERMINED && result.entitlement() != null) {
					possible += result.entitlement().fen();
				}
			}
			StoredPolicy version = stored.get(policy.id());
			PolicyDocument.Source source = policy.source();
			policies.add(new PolicyResult(policy.id(), version.version(), policy.titleZh(), policy.titleEn(),
					policy.issuer(), policy.documentNumber(), policy.effectiveFrom(), policy.effectiveTo(), source.title(),
					source.url(), source.citation(), source.confidence(),
					Amount.ofNullable(policy.capPerEnterprisePerYear()), outcome.inForce(), Amount.of(outcome.totalFen()),
					clauses));
		}
		List<MissingFact> missing = new ArrayList<>();
		decides.forEach((fact, clauses) -> missing.add(missingFact(fact, clauses, snapshot.schema())));
		return new CalculationReport(input.year(), input.date(), Amount.of(calculation.totalFen()), Amount.of(possible),
				calculation.complete(), policies, missing);
	}

	private static ClauseResult clause(PolicyDocument policy, Calculation.ClauseOutcome outcome, Schema schema) {
		PolicyDocument.PolicyClause entry = outcome.clause();
		Assessment assessment = outcome.assessment();
		Step eligibility = assessment.eligibilityTrace();
		Step award = assessment.awardTrace();
		List<Reason> reasons = eligibility == null ? List.of()
				: eligibility.reasons().stream().map(step -> reason(step, policy, schema)).toList();
		List<MissingFact> missing = new ArrayList<>();
		for (Fact fact : assessment.missing()) {
			missing.add(missingFact(fact, List.of(policy.id() + "/" + entry.clause().id()), schema));
		}
		return new ClauseResult(entry.clause().id(), entry.clause().title(), entry.clause().subject(),
				assessment.status(), award != null ? fen(award.value()) : null, fen(outcome.entitlement()),
				Amount.ofNullable(outcome.awardedFen()), outcome.reductions().stream().map(CalculationReport.Cut::of).toList(),
				reasons, lines(eligibility), lines(award),
				missing, entry.illustrative(), entry.note(), entry.clause().sourceParagraph(), entry.clause().delivery(),
				assessment.error() == null ? null : assessment.error().toString());
	}

	private static Amount fen(Value value) {
		return value instanceof Value.Money money ? Amount.of(money.fen()) : null;
	}

	private static List<String> lines(Step trace) {
		return trace == null ? List.of() : trace.render().lines().toList();
	}

	private static Reason reason(Step step, PolicyDocument policy, Schema schema) {
		List<Ground> grounds = new ArrayList<>();
		for (Read read : step.allReads()) {
			Ground ground = new Ground(read.fact().toString(), label(read.fact().variable(), schema), shown(read.value()),
					"", false);
			if (!grounds.contains(ground)) {
				grounds.add(ground);
			}
		}
		for (ParameterUse use : step.allParameters()) {
			String label = policy.parameters().parameter(use.name()).map(Parameter::description).orElse("");
			Ground ground = new Ground(use.name(), label, shown(use.value()), use.reference(), true);
			if (!grounds.contains(ground)) {
				grounds.add(ground);
			}
		}
		return new Reason(step.expression(), shown(step.value()), grounds);
	}

	private static String shown(Value value) {
		if (value instanceof Value.Money money) {
			return Amount.of(money.fen()).text();
		}
		return value.isUnknown() ? "unknown" : value.show();
	}

	private static String label(String variable, Schema schema) {
		return schema.variable(variable).map(Variable::description).orElse("");
	}

	private static MissingFact missingFact(Fact fact, List<String> clauses, Schema schema) {
		Variable variable = schema.variable(fact.variable()).orElse(null);
		return new MissingFact(fact.toString(), fact.variable(), fact.year(), variable == null ? "" : variable.description(),
				variable == null ? "" : variable.unit(), variable == null ? "" : variable.type().name().toLowerCase(),
				clauses);
	}

}

package dev.lantu.awards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.awards.store.AwardRepository;
import dev.lantu.policy.CalculationInput;
import dev.lantu.policy.CalculationInputException;
import dev.lantu.policy.CalculationReport;
import dev.lantu.policy.InputProblem;
import dev.lantu.policy.PolicyCalculator;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyNotFoundException;
import dev.lantu.policy.StoredPolicy;
import dev.lantu.registry.Enterprise;
import dev.lantu.registry.EnterpriseFacts;
import dev.lantu.registry.EnterpriseNotFoundException;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.RegistryInputException;

/**
 * What the engine says one clause entitles an enterprise to for a year: the policy calculator run on the
 * registry's facts (as the registry knows them on the application date) or on a profile given with the
 * application. The entitlement is the clause's amount after its own cap; the rules above the clause
 * (exclusive subjects, the policy's and the issuer's caps) and the budget are applied by the ledger to
 * what is actually approved, not to what other clauses might pay.
 */
@Component
class Entitlements {

	private final PolicyCalculator calculator;

	private final PolicyCatalogue catalogue;

	private final EnterpriseService enterprises;

	private final AwardRepository awards;

	Entitlements(PolicyCalculator calculator, PolicyCatalogue catalogue, EnterpriseService enterprises,
			AwardRepository awards) {
		this.awards = awards;
		this.calculator = calculator;
		this.catalogue = catalogue;
		this.enterprises = enterprises;
	}

	/**
	 * An entitlement and everything it rests on.
	 *
	 * @param profile the facts the engine read, as the calculator's profile (sorted, so equal facts give equal text)
	 */
	record Entitled(Enterprise enterprise, StoredPolicy policy, PolicyDocument.PolicyClause clause, int year,
			LocalDate date, long entitlementFen, Award.Basis basis, Map<String, Object> profile, Long projectId) {
	}

	/**
	 * Computes the entitlement, or refuses with every field that is wrong: an unknown enterprise, policy or
	 * clause; a clause paid the other way (on application / without application); a policy not in force;
	 * a clause the facts make ineligible or leave undetermined (naming the facts to give).
	 */
	Entitled compute(Application application, Delivery delivery, LocalDate today) {
		List<AwardProblem> problems = new ArrayList<>();
		Enterprise enterprise = enterprise(application.uscc(), problems);
		StoredPolicy policy = null;
		PolicyDocument.PolicyClause clause = null;
		if (blank(application.policyId())) {
			problems.add(AwardProblem.of("policy", null, "policy.missing", "the policy's id is needed"));
		}
		else {
			try {
				policy = catalogue.policy(application.policyId().strip());
			}
			catch (PolicyNotFoundException e) {
				problems.add(AwardProblem.of("policy", application.policyId(), "policy.unknown", e.getMessage()));
			}
		}
		if (blank(application.clauseId())) {
			problems.add(AwardProblem.of("clause", null, "clause.missing", "the clause's id is needed"));
		}
		else if (policy != null) {
			clause = policy.document().clause(application.clauseId().strip()).orElse(null);
			if (clause == null) {
				String known = policy.document().clauses().stream().map(c -> c.clause().id()).collect(Collectors.joining(", "));
				problems.add(AwardProblem.of("clause", application.clauseId(), "clause.unknown", "the policy " + policy.id()
						+ " has no clause " + application.clauseId() + "; its clauses are " + known, policy.id(), known));
			}
			else if (clause.clause().delivery() != delivery) {
				problems.add(delivery == Delivery.ON_APPLICATION
						? AwardProblem.of("clause", clause.clause().id(), "clause.proactive", "the clause " + clause.clause().id()
								+ " is paid without application (免申即享): a policy officer proposes its awards from a match")
						: AwardProblem.of("clause", clause.clause().id(), "clause.on-application", "the clause "
								+ clause.clause().id() + " is paid on application: the enterprise applies for it"));
			}
		}
		if (clause != null && enterprise != null) {
			projectProblem(application, clause, enterprise).ifPresent(problems::add);
		}
		LocalDate date = application.date() == null ? today : application.date();
		int year = application.year() == null ? date.getYear() : application.year();
		if (year < 1900 || year > 2999) {
			problems.add(AwardProblem.of("year", year, "year", "expected a year such as 2025, found " + year));
		}
		if (!problems.isEmpty()) {
			throw new AwardInputException(problems);
		}
		Award.Basis basis = application.profile() == null ? Award.Basis.REGISTRY : Award.Basis.PROFILE;
		Map<String, Object> profile = basis == Award.Basis.REGISTRY
				? profileOf(enterprises.facts(enterprise.uscc(), date))
				: sorted(application.profile());
		CalculationInput input;
		try {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("year", year);
			body.put("date", date.toString());
			body.put("profile", profile);
			input = calculator.read(body, today);
		}
		catch (CalculationInputException e) {
			throw new AwardInputException(e.problems().stream().map(Entitlements::problem).toList());
		}
		CalculationReport report = calculator.calculate(input);
		String policyId = policy.id();
		CalculationReport.PolicyResult result = report.policies().stream().filter(p -> p.id().equals(policyId))
			.findFirst().orElseThrow();
		if (!result.inForce()) {
			throw new AwardInputException(AwardProblem.of("date", date, "policy.not-in-force", "the policy " + policyId
					+ " is not in force on " + date + " (from " + result.effectiveFrom()
					+ (result.effectiveTo() == null ? "" : " to " + result.effectiveTo()) + ")", policyId));
		}
		String clauseId = clause.clause().id();
		CalculationReport.ClauseResult assessed = result.clauses().stream().filter(c -> c.id().equals(clauseId))
			.findFirst().orElseThrow();
		refuseUnlessEligible(assessed, basis);
		return new Entitled(enterprise, policy, clause, year, date, assessed.entitlement().fen(), basis, profile,
				application.projectId());
	}

	/**
	 * A clause that pays per project needs the project, one of the enterprise's own (its investor); a clause that
	 * pays the enterprise takes none, or one enterprise could draw it once per project.
	 */
	private java.util.Optional<AwardProblem> projectProblem(Application application, PolicyDocument.PolicyClause clause,
			Enterprise enterprise) {
		Long project = application.projectId();
		String clauseId = clause.clause().id();
		if (!clause.perProject()) {
			return project == null ? java.util.Optional.empty()
					: java.util.Optional.of(AwardProblem.of("projectId", project, "project.not-per-project", "the clause "
							+ clauseId + " pays the enterprise, not each project: apply without a project"));
		}
		if (project == null) {
			return java.util.Optional.of(AwardProblem.of("projectId", null, "project.missing", "the clause " + clauseId
					+ " pays each project (单个项目): name the project the application is for"));
		}
		java.util.Optional<String> investor = awards.projectInvestor(project);
		if (investor.isEmpty()) {
			return java.util.Optional.of(AwardProblem.of("projectId", project, "project.unknown", "no project " + project));
		}
		if (!investor.get().equalsIgnoreCase(enterprise.uscc())) {
			return java.util.Optional.of(AwardProblem.of("projectId", project, "project.other-enterprise", "the project "
					+ project + " is not " + enterprise.uscc() + "'s: its investor is "
					+ (investor.get().isEmpty() ? "not registered by credit code" : investor.get())));
		}
		return java.util.Optional.empty();
	}

	private static void refuseUnlessEligible(CalculationReport.ClauseResult assessed, Award.Basis basis) {
		String facts = basis == Award.Basis.REGISTRY ? "the registry's facts" : "the profile given";
		switch (assessed.status()) {
			case NOT_ELIGIBLE -> {
				String why = assessed.reasons().stream().filter(r -> r.holds().equals("false"))
					.map(CalculationReport.Reason::condition).collect(Collectors.joining("; "));
				throw new AwardInputException(AwardProblem.of("clause", assessed.id(), "not-eligible", "on " + facts
						+ " the enterprise is not eligible for the clause " + assessed.id()
						+ (why.isEmpty() ? "" : ": not " + why), assessed.id(), why));
			}
			case UNDETERMINED -> {
				String missing = assessed.missing().stream().map(CalculationReport.MissingFact::name)
					.collect(Collectors.joining(", "));
				throw new AwardInputException(AwardProblem.of("profile", null, "undetermined", facts
						+ " do not decide the clause " + assessed.id() + "; give " + missing, assessed.id(), missing));
			}
			case FAILED -> throw new AwardInputException(AwardProblem.of("clause", assessed.id(), "failed",
					"the clause " + assessed.id() + " could not be computed: " + assessed.error(), assessed.id()));
			case ELIGIBLE -> {
				if (assessed.entitlement() == null || assessed.entitlement().fen() <= 0) {
					throw new AwardInputException(AwardProblem.of("clause", assessed.id(), "nothing-due", "on " + facts
							+ " the clause " + assessed.id() + " pays nothing", assessed.id()));
				}
			}
		}
	}

	private Enterprise enterprise(String uscc, List<AwardProblem> problems) {
		if (blank(uscc)) {
			problems.add(AwardProblem.of("uscc", null, "uscc.missing", "the enterprise's unified social credit code is needed"));
			return null;
		}
		try {
			return enterprises.get(uscc);
		}
		catch (RegistryInputException e) {
			problems.add(AwardProblem.of("uscc", uscc, "uscc.malformed", e.getMessage()));
		}
		catch (EnterpriseNotFoundException e) {
			problems.add(AwardProblem.of("uscc", uscc, "uscc.unknown", e.getMessage()));
		}
		return null;
	}

	/** The district of an enterprise of the registry; empty when the code is malformed or unknown. */
	java.util.Optional<String> districtOf(String uscc) {
		try {
			return java.util.Optional.ofNullable(enterprises.get(uscc).districtCode());
		}
		catch (RegistryInputException | EnterpriseNotFoundException e) {
			return java.util.Optional.empty();
		}
	}

	private static AwardProblem problem(InputProblem problem) {
		return new AwardProblem(problem.field(), problem.value(), "calculation." + problem.code(), problem.reason(),
				problem.args());
	}

	/** The registry's facts as the calculator's profile, for the variables the policies' schema has. */
	private Map<String, Object> profileOf(EnterpriseFacts facts) {
		Map<String, Object> statics = new TreeMap<>();
		Map<String, Object> yearly = new TreeMap<>();
		for (Variable variable : calculator.variables()) {
			if (variable.isYearly()) {
				Map<Integer, Object> byYear = facts.yearly().get(variable.name());
				if (byYear != null && !byYear.isEmpty()) {
					Map<String, Object> values = new TreeMap<>();
					byYear.forEach((year, value) -> values.put(String.valueOf(year), plain(variable, value)));
					yearly.put(variable.name(), values);
				}
			}
			else {
				facts.fact(variable.name()).ifPresent(value -> statics.put(variable.name(), plain(variable, value)));
			}
		}
		Map<String, Object> profile = new TreeMap<>();
		profile.put("facts", statics);
		profile.put("yearly", yearly);
		return profile;
	}

	/** A registry value as the calculator's JSON takes it: money in fen with its unit, dates as text, sets as lists. */
	private static Object plain(Variable variable, Object value) {
		return switch (variable.type()) {
			case MONEY -> value + "分";
			case DATE -> value.toString();
			case SET -> value instanceof Collection<?> items ? items.stream().map(String::valueOf).sorted().toList() : value;
			default -> value;
		};
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> sorted(Map<String, Object> map) {
		Map<String, Object> sorted = new TreeMap<>();
		map.forEach((key, value) -> sorted.put(String.valueOf(key),
				value instanceof Map<?, ?> inner ? sorted((Map<String, Object>) inner) : value));
		return sorted;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}

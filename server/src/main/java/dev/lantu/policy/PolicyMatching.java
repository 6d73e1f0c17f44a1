package dev.lantu.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Service;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;

import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.policy.matching.EngineFacts;
import dev.lantu.policy.matching.RegistryEvaluation;
import dev.lantu.policy.matching.RegistryOutcome;
import dev.lantu.policy.store.CompiledPolicies;
import dev.lantu.registry.Enterprise;
import dev.lantu.registry.EnterpriseFacts;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.RegistryFacts;

/**
 * Proactive matching (免申即享) over the registry: for a policy, the enterprises it pays or may pay, with the
 * amounts after caps and exclusions and, for the undetermined ones, the facts that would decide; for an
 * enterprise, every policy and clause it qualifies for, with the calculator's explanation. Every policy takes
 * part in a run, so an exclusive subject shared with another policy (就高不重复) is settled as the calculator
 * settles it.
 *
 * <p>Who sees what (docs/accounts.md): a policy's matches are for the policy officer of its issuer and the
 * administrators; a district officer sees the matches of any policy among their district's enterprises (a filter,
 * not a refusal); anyone else is refused. An enterprise's policies are for the enterprise itself, its district's
 * officer and the administrators; a policy officer sees them for their issuer's policies only.
 */
@Service
public class PolicyMatching {

	public static final int MAX_PAGE_SIZE = 500;

	private final CompiledPolicies compiled;

	private final RegistryEvaluation evaluation;

	private final RegistryFacts registry;

	private final EnterpriseService enterprises;

	private final PolicyCalculator calculator;

	private final Clock clock = Clock.systemDefaultZone();

	PolicyMatching(CompiledPolicies compiled, RegistryEvaluation evaluation, RegistryFacts registry,
			EnterpriseService enterprises, PolicyCalculator calculator) {
		this.compiled = compiled;
		this.evaluation = evaluation;
		this.registry = registry;
		this.enterprises = enterprises;
		this.calculator = calculator;
	}

	/** The application date asked, or today; the year asked, or the date's year, as the calculator takes them. */
	LocalDate date(LocalDate date) {
		return date != null ? date : LocalDate.now(clock);
	}

	/**
	 * One page of the enterprises a policy pays or may pay.
	 *
	 * @param district a GB/T 2260 district code to keep, or null for all
	 * @throws PolicyNotFoundException  when there is no such policy
	 * @throws MatchingInputException naming each bad argument
	 */
	public MatchReport match(String policyId, Integer year, LocalDate date, String district, EvaluationPath path, int page,
			int size) {
		String visible = requireMatches(policyId);
		List<InputProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(InputProblem.of("page", page, "page", "pages count from 0"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(InputProblem.of("size", size, "size", "a page holds 1 to " + MAX_PAGE_SIZE + " enterprises"));
		}
		checkYear(year, problems);
		if (district != null && !district.matches("[0-9]{6}")) {
			problems.add(InputProblem.of("district", district, "district", "expected a GB/T 2260 district code of six digits, "
					+ "such as 440106"));
		}
		if (!problems.isEmpty()) {
			throw new MatchingInputException(problems);
		}
		LocalDate day = date(date);
		int applicationYear = year != null ? year : day.getYear();
		Matches all = matches(policyId, applicationYear, day, district == null ? visible : district, visible, path, n -> {
		});
		List<Found> shown = all.found.subList(Math.min(all.found.size(), page * size),
				Math.min(all.found.size(), page * size + size));
		Map<String, Enterprise> named = registry.enterprises(shown.stream().map(f -> f.uscc).toList());
		List<MatchReport.Match> rows = new ArrayList<>();
		for (Found found : shown) {
			List<String> missing = found.undetermined() ? missing(policyId, found.uscc, applicationYear, day) : List.of();
			rows.add(found.match(all.clauses, named.get(found.uscc), missing));
		}
		return all.report(page, size, rows);
	}

	/**
	 * Every enterprise a policy pays or may pay, in the order of {@link #match}, without the missing facts (which
	 * take the calculator per enterprise); {@code progress} hears how many enterprises are evaluated.
	 */
	public MatchReport matchAll(String policyId, Integer year, LocalDate date, EvaluationPath path, LongConsumer progress) {
		String visible = requireMatches(policyId);
		LocalDate day = date(date);
		int applicationYear = year != null ? year : day.getYear();
		Matches all = matches(policyId, applicationYear, day, visible, visible, path, progress);
		List<MatchReport.Match> rows = new ArrayList<>(all.found.size());
		for (int from = 0; from < all.found.size(); from += 1_000) {
			List<Found> part = all.found.subList(from, Math.min(all.found.size(), from + 1_000));
			Map<String, Enterprise> named = registry.enterprises(part.stream().map(f -> f.uscc).toList());
			part.forEach(found -> rows.add(found.match(all.clauses, named.get(found.uscc), List.of())));
		}
		return all.report(0, Math.max(1, rows.size()), rows);
	}

	/** How many enterprises a run over the registry evaluates: for a progress bar. */
	public long registrySize() {
		return evaluation.enterprises();
	}

	/**
	 * Every policy and clause for one enterprise of the registry, from its registered facts: the calculator's
	 * report, with what it qualifies for, why, and the facts still missing.
	 */
	public CalculationReport forEnterprise(String uscc, Integer year, LocalDate date) {
		Caller caller = Access.caller();
		if (mayReadEnterprise(caller, uscc)) {
			return report(uscc, year, date);
		}
		Access.require(caller.is(Role.POLICY_OFFICER), "read the policies of enterprise " + uscc);
		enterprises.get(uscc); // an unknown enterprise is not found, for a policy officer too
		return onlyIssuer(report(uscc, year, date), caller.issuer());
	}

	/**
	 * Whether the caller sees the policies of an enterprise at all (itself, its district's officer, an
	 * administrator; a policy officer for their issuer's policies).
	 */
	public boolean mayReadPolicies(String uscc) {
		Caller caller = Access.caller();
		return caller.is(Role.POLICY_OFFICER) || mayReadEnterprise(caller, uscc);
	}

	/**
	 * Refuses unless the caller may see the policy's matches; answers the district they are limited to (a district
	 * officer's), or null for all.
	 *
	 * @throws PolicyNotFoundException when there is no such policy (policies are public, so that comes first)
	 */
	public String requireMatches(String policyId) {
		StoredPolicy policy = compiled.current().find(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
		Caller caller = Access.caller();
		if (caller.actsForIssuer(policy.document().issuer())) {
			return null;
		}
		Access.require(caller.is(Role.DISTRICT_OFFICER), "see the matches of policy " + policyId);
		return caller.district();
	}

	/** Whether the caller may see the policy's matches (in full, or among their district's enterprises). */
	public boolean mayMatch(String policyId) {
		Caller caller = Access.caller();
		return caller.is(Role.DISTRICT_OFFICER) || compiled.current().find(policyId)
			.map(p -> caller.actsForIssuer(p.document().issuer())).orElse(false);
	}

	private boolean mayReadEnterprise(Caller caller, String uscc) {
		if (caller.isAdministrator()) {
			return true;
		}
		if (caller.is(Role.ENTERPRISE_USER)) {
			return caller.isEnterprise(uscc);
		}
		return caller.is(Role.DISTRICT_OFFICER) && caller.managesDistrict(enterprises.get(uscc).districtCode());
	}

	/** The part of a report about one issuer's policies, with its totals and missing facts recomputed. */
	private static CalculationReport onlyIssuer(CalculationReport report, String issuer) {
		List<CalculationReport.PolicyResult> kept = report.policies().stream().filter(p -> p.issuer().equals(issuer))
			.toList();
		long total = 0;
		long possible = 0;
		boolean complete = true;
		java.util.Set<String> clauses = new java.util.HashSet<>();
		for (CalculationReport.PolicyResult policy : kept) {
			total += policy.total().fen();
			for (CalculationReport.ClauseResult clause : policy.clauses()) {
				clauses.add(policy.id() + "/" + clause.id());
				if (clause.status() == Assessment.Status.UNDETERMINED) {
					complete = false;
					if (clause.entitlement() != null) {
						possible += clause.entitlement().fen();
					}
				}
			}
		}
		List<CalculationReport.MissingFact> missing = report.missing().stream()
			.map(f -> new CalculationReport.MissingFact(f.name(), f.variable(), f.year(), f.description(), f.unit(), f.type(),
					f.clauses().stream().filter(clauses::contains).toList()))
			.filter(f -> !f.clauses().isEmpty())
			.toList();
		return new CalculationReport(report.year(), report.date(), Amount.of(total), Amount.of(total + possible), complete,
				kept, missing);
	}

	/** {@link #forEnterprise} without a check: for what this service has already allowed. */
	private CalculationReport report(String uscc, Integer year, LocalDate date) {
		LocalDate day = date(date);
		int applicationYear = year != null ? year : day.getYear();
		EnterpriseFacts facts = enterprises.facts(uscc, day);
		return calculator.calculate(EngineFacts.input(compiled.current().schema(), facts, applicationYear, day));
	}

	/** One policy's part of {@link #forEnterprise}: the explanation of why it pays the enterprise what it pays. */
	public CalculationReport.PolicyResult explain(String policyId, String uscc, Integer year, LocalDate date) {
		String district = requireMatches(policyId);
		if (district != null) {
			// a district officer: the matches among their district's enterprises; another's enterprise is public, so 403
			Access.require(district.equals(enterprises.get(uscc).districtCode()), "see why policy " + policyId
					+ " pays enterprise " + uscc);
		}
		return explanation(policyId, uscc, year, date);
	}

	private CalculationReport.PolicyResult explanation(String policyId, String uscc, Integer year, LocalDate date) {
		StoredPolicy policy = compiled.current().find(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
		return report(uscc, year, date).policies().stream().filter(p -> p.id().equals(policy.id())).findFirst()
			.orElseThrow();
	}

	static void checkYear(Integer year, List<InputProblem> problems) {
		if (year != null && (year < 1900 || year > 2200)) {
			problems.add(InputProblem.of("year", year, "year", "expected an application year such as 2025"));
		}
	}

	private List<String> missing(String policyId, String uscc, int year, LocalDate date) {
		return explanation(policyId, uscc, year, date).clauses().stream()
			.filter(c -> c.status() == Assessment.Status.UNDETERMINED)
			.flatMap(c -> c.missing().stream().map(CalculationReport.MissingFact::name))
			.distinct()
			.toList();
	}

	/** {@code visible}: the only district the caller may see, or null for all; {@code district}: the one asked. */
	private Matches matches(String policyId, int year, LocalDate date, String district, String visible,
			EvaluationPath path, LongConsumer progress) {
		CompiledPolicies.Snapshot snapshot = compiled.current();
		StoredPolicy stored = snapshot.find(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
		RegistryEvaluation.Run run = new RegistryEvaluation.Run(snapshot.schema(),
				snapshot.policies().stream().map(StoredPolicy::document).toList(), snapshot.issuerCaps(), year, date);
		int policy = run.policyIndex(policyId);
		PolicyDocument document = run.policies().get(policy);
		List<MatchReport.ClauseInfo> clauses = document.clauses().stream()
			.map(c -> new MatchReport.ClauseInfo(c.clause().id(), c.clause().title(), c.clause().delivery(), c.illustrative()))
			.toList();
		Matches matches = new Matches(stored, run, policy, clauses, district, visible,
				path == null ? EvaluationPath.BATCH : path);
		if (run.inForce(policy)) {
			evaluation.run(run, matches.path, matches::add, progress);
		}
		matches.found.sort(Comparator.comparing((Found f) -> !f.eligible).thenComparing(f -> -f.paid)
			.thenComparing(f -> -f.possible).thenComparing(f -> f.uscc));
		return matches;
	}

	/** The matches of one run as they come, kept compact: an enterprise and its clauses' results. */
	private static final class Matches {

		final StoredPolicy stored;

		final RegistryEvaluation.Run run;

		final int policy;

		final int first;

		final List<MatchReport.ClauseInfo> clauses;

		final String district;

		final String visible;

		final EvaluationPath path;

		final List<Found> found = new ArrayList<>();

		long evaluated;

		long eligible;

		long undetermined;

		long paid;

		Matches(StoredPolicy stored, RegistryEvaluation.Run run, int policy, List<MatchReport.ClauseInfo> clauses,
				String district, String visible, EvaluationPath path) {
			this.stored = stored;
			this.run = run;
			this.policy = policy;
			this.first = run.firstClause(policy);
			this.clauses = clauses;
			this.district = district;
			this.visible = visible;
			this.path = path;
		}

		void add(RegistryOutcome outcome) {
			if (visible != null && !visible.equals(outcome.district())) {
				return; // not counted either: how many enterprises elsewhere is not the caller's to know
			}
			evaluated++;
			if (district != null && !district.equals(outcome.district())) {
				return;
			}
			int n = clauses.size();
			boolean anyEligible = false;
			boolean anyUndetermined = false;
			long total = 0;
			long possible = 0;
			for (int c = 0; c < n; c++) {
				Assessment.Status status = outcome.status()[first + c];
				anyEligible |= status == Assessment.Status.ELIGIBLE;
				if (status == Assessment.Status.UNDETERMINED) {
					anyUndetermined = true;
					Long award = outcome.award()[first + c];
					possible += award == null ? 0 : Math.max(0, award);
				}
				total += outcome.paidFen(first + c);
			}
			if (!anyEligible && !anyUndetermined) {
				return;
			}
			Found f = new Found(outcome.uscc(), outcome.district(), anyEligible, total, possible,
					java.util.Arrays.copyOfRange(outcome.status(), first, first + n),
					java.util.Arrays.copyOfRange(outcome.award(), first, first + n),
					java.util.Arrays.copyOfRange(outcome.paid(), first, first + n));
			found.add(f);
			if (anyEligible) {
				eligible++;
				paid += total;
			}
			else {
				undetermined++;
			}
		}

		MatchReport report(int page, int size, List<MatchReport.Match> rows) {
			PolicyDocument document = run.policies().get(policy);
			return new MatchReport(document.id(), document.titleZh(), run.inForce(policy), run.year(), run.date(), path,
					district, evaluated, eligible, undetermined, Amount.of(paid), found.size(), page, size, clauses, rows);
		}

	}

	/** One matched enterprise's results under the policy's clauses. */
	private record Found(String uscc, String district, boolean eligible, long paid, long possible,
			Assessment.Status[] status, Long[] award, long[] paidByClause) {

		boolean undetermined() {
			for (Assessment.Status s : status) {
				if (s == Assessment.Status.UNDETERMINED) {
					return true;
				}
			}
			return false;
		}

		MatchReport.Match match(List<MatchReport.ClauseInfo> clauses, Enterprise enterprise, List<String> missing) {
			List<MatchReport.ClauseMatch> results = new ArrayList<>();
			for (int c = 0; c < clauses.size(); c++) {
				long p = paidByClause[c];
				results.add(new MatchReport.ClauseMatch(clauses.get(c).id(), status[c], Amount.ofNullable(award[c]),
						p == dev.lantu.engine.policy.AboveClauseRules.NOT_TAKING_PART ? null : Amount.of(p),
						clauses.get(c).delivery() == Delivery.WITHOUT_APPLICATION));
			}
			return new MatchReport.Match(uscc, enterprise == null ? "" : enterprise.name(), district,
					enterprise != null && enterprise.synthetic(), eligible, Amount.of(paid), Amount.of(possible), results, missing);
		}

	}

}

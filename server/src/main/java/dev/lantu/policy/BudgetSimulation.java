package dev.lantu.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Service;

import dev.lantu.accounts.Access;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.SystemSummary;
import dev.lantu.engine.lang.Suggestions;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.policy.matching.RegistryEvaluation;
import dev.lantu.policy.matching.RegistryOutcome;
import dev.lantu.policy.store.CompiledPolicies;
import dev.lantu.registry.RegistryFacts;

/**
 * Budget simulation: what a policy would cost over the whole registry, against its budget, by district, by
 * track and by clause, and what it would cost with its parameters, caps or budget changed (what-if), without
 * editing the policy. Every policy takes part in a run, so exclusive subjects across policies are settled as
 * the calculator settles them; only the simulated policy is changed and reported. Only the policy officer of the
 * policy's issuer and the administrators may simulate it (docs/accounts.md); anyone else is refused.
 */
@Service
public class BudgetSimulation {

	private static final List<String> KEYS = List.of("year", "date", "path", "overrides");

	private final CompiledPolicies compiled;

	private final RegistryEvaluation evaluation;

	private final RegistryFacts registry;

	private final AtlasService atlas;

	BudgetSimulation(CompiledPolicies compiled, RegistryEvaluation evaluation, RegistryFacts registry, AtlasService atlas) {
		this.compiled = compiled;
		this.evaluation = evaluation;
		this.registry = registry;
		this.atlas = atlas;
	}

	/**
	 * A simulation request checked against the policy.
	 *
	 * @param year      the application year, whose figures are read; null for the date's year
	 * @param date      the application date, which picks the parameters in force; null for today
	 * @param overrides the what-if changes; {@link PolicyOverrides#NONE} for the policy as it stands
	 */
	public record Request(Integer year, LocalDate date, EvaluationPath path, PolicyOverrides overrides) {

		public Request {
			path = path == null ? EvaluationPath.BATCH : path;
			overrides = overrides == null ? PolicyOverrides.NONE : overrides;
		}

	}

	/**
	 * Reads a request as JSON gives it: {@code {"year": 2025, "date": "2025-06-01", "path": "sql",
	 * "overrides": {"algorithm_rate": "15%", "clause.compute.cap": "200万元"}}}.
	 *
	 * @throws PolicyNotFoundException  when there is no such policy
	 * @throws MatchingInputException naming every field that is wrong
	 */
	public Request read(String policyId, Object body) {
		PolicyDocument policy = policy(policyId).document();
		requireSimulation(policy);
		List<InputProblem> problems = new ArrayList<>();
		Map<String, Object> fields = new LinkedHashMap<>();
		if (body instanceof Map<?, ?> map) {
			map.forEach((key, value) -> fields.put(String.valueOf(key), value));
		}
		else if (body != null) {
			problems.add(InputProblem.of("body", body, "mapping", "expected an object with year, date, path and overrides"));
		}
		for (String key : fields.keySet()) {
			if (!KEYS.contains(key)) {
				String suggestion = Suggestions.closest(key, KEYS).map(s -> " (did you mean " + s + "?)").orElse("");
				problems.add(InputProblem.of(key, null, "unknown-field", "unknown field " + key + "; expected one of "
						+ String.join(", ", KEYS) + suggestion, key));
			}
		}
		Integer year = null;
		Object writtenYear = fields.get("year");
		if (writtenYear != null && !(writtenYear instanceof String text && text.isBlank())) {
			String text = String.valueOf(writtenYear).strip();
			if ((writtenYear instanceof Number || writtenYear instanceof String) && text.matches("[12][0-9]{3}")) {
				year = Integer.valueOf(text);
			}
			else {
				problems.add(InputProblem.of("year", writtenYear, "year", "expected an application year such as 2025"));
			}
		}
		LocalDate date = null;
		Object writtenDate = fields.get("date");
		if (writtenDate != null && !(writtenDate instanceof String text && text.isBlank())) {
			try {
				date = LocalDate.parse(String.valueOf(writtenDate).strip());
			}
			catch (DateTimeParseException e) {
				problems.add(InputProblem.of("date", writtenDate, "date", "expected a date as YYYY-MM-DD"));
			}
		}
		EvaluationPath path = null;
		Object writtenPath = fields.get("path");
		if (writtenPath != null) {
			path = EvaluationPath.parse(String.valueOf(writtenPath)).orElse(null);
			if (path == null) {
				problems.add(InputProblem.of("path", writtenPath, "path", "expected batch or sql"));
			}
		}
		PolicyOverrides overrides = PolicyOverrides.read(policy, fields.get("overrides"), "overrides.", problems);
		if (!problems.isEmpty()) {
			throw new MatchingInputException(problems);
		}
		return new Request(year, date, path, overrides);
	}

	/** Overrides as a form gives them, every key a text, blank ones left out. */
	public Request read(String policyId, Integer year, LocalDate date, EvaluationPath path, Map<String, String> overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", year);
		body.put("date", date == null ? null : date.toString());
		body.put("path", path == null ? null : path.name());
		body.put("overrides", new LinkedHashMap<String, Object>(overrides));
		return read(policyId, body);
	}

	/** Every key an override of the policy may use, with the value in force on {@code date}. */
	public Map<String, String> overridable(String policyId, LocalDate date) {
		PolicyDocument policy = policy(policyId).document();
		requireSimulation(policy);
		LocalDate day = date == null ? LocalDate.now() : date;
		Map<String, String> current = new LinkedHashMap<>();
		for (String key : PolicyOverrides.names(policy)) {
			String value = "";
			if (key.equals(PolicyOverrides.POLICY_CAP)) {
				value = policy.capPerEnterprisePerYear() == null ? "" : Amount.of(policy.capPerEnterprisePerYear()).text();
			}
			else if (key.equals(PolicyOverrides.BUDGET)) {
				value = policy.budget() == null ? "" : Amount.of(policy.budget()).text();
			}
			else if (key.startsWith("clause.")) {
				String id = key.substring("clause.".length(), key.length() - ".cap".length());
				Long cap = policy.clause(id).map(c -> c.clause().capFen()).orElse(null);
				value = cap == null ? "" : Amount.of(cap).text();
			}
			else {
				value = policy.parameters().parameter(key).flatMap(p -> p.inForceOn(day).or(() -> p.values().stream().findFirst()))
					.map(v -> v.value() instanceof dev.lantu.engine.eval.Value.Money money ? Amount.of(money.fen()).text()
							: v.value().show())
					.orElse("");
			}
			current.put(key, value);
		}
		return current;
	}

	public SimulationReport simulate(String policyId, Request request) {
		return simulate(policyId, request, done -> {
		});
	}

	/** Runs the simulation; {@code progress} hears how many enterprises are evaluated (twice with overrides). */
	public SimulationReport simulate(String policyId, Request request, LongConsumer progress) {
		requireSimulation(policy(policyId).document());
		CompiledPolicies.Snapshot snapshot = compiled.current();
		StoredPolicy stored = policy(policyId);
		LocalDate date = request.date() != null ? request.date() : LocalDate.now();
		int year = request.year() != null ? request.year() : date.getYear();
		List<PolicyDocument> policies = snapshot.policies().stream().map(StoredPolicy::document).toList();
		Labels labels = new Labels();
		Tally baseline = tally(snapshot, policies, policyId, year, date, request.path(), labels, progress);
		Tally whatIf = null;
		if (!request.overrides().isEmpty()) {
			List<PolicyDocument> changed = policies.stream()
				.map(p -> p.id().equals(policyId) ? request.overrides().applyTo(p) : p).toList();
			whatIf = tally(snapshot, changed, policyId, year, date, request.path(), labels, progress);
		}
		PolicyDocument document = stored.document();
		return new SimulationReport(document.id(), document.titleZh(), baseline.inForce, year, date, request.path(),
				request.overrides().written(), baseline.evaluated, registry.anySynthetic(),
				document.clauses().stream().anyMatch(PolicyDocument.PolicyClause::illustrative), baseline.cost(labels),
				whatIf == null ? null : whatIf.cost(labels));
	}

	/** A policy's budget simulation is for the policy officer of its issuer and the administrators. */
	private static void requireSimulation(PolicyDocument policy) {
		Access.require(Access.caller().actsForIssuer(policy.issuer()), "simulate the budget of policy " + policy.id());
	}

	/** Whether the caller may simulate the policy's budget. */
	public boolean maySimulate(String policyId) {
		return Access.caller().actsForIssuer(policy(policyId).document().issuer());
	}

	private StoredPolicy policy(String policyId) {
		return compiled.current().find(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
	}

	private Tally tally(CompiledPolicies.Snapshot snapshot, List<PolicyDocument> policies, String policyId, int year,
			LocalDate date, EvaluationPath path, Labels labels, LongConsumer progress) {
		RegistryEvaluation.Run run = new RegistryEvaluation.Run(snapshot.schema(), policies, snapshot.issuerCaps(), year, date);
		int policy = run.policyIndex(policyId);
		Tally tally = new Tally(run, policy);
		if (tally.inForce) {
			evaluation.run(run, path, tally::add, progress);
		}
		return tally;
	}

	/** Names of districts and tracks, read once per simulation. */
	private final class Labels {

		private Map<String, String> districts;

		private Map<String, String> tracks;

		String district(String code) {
			if (districts == null) {
				districts = new HashMap<>();
				for (Region region : atlas.districts()) {
					districts.put(region.code(), region.name().zh());
				}
			}
			return districts.getOrDefault(code, code);
		}

		String track(String id) {
			if (tracks == null) {
				tracks = new HashMap<>();
				for (SystemSummary system : atlas.systems(null)) {
					atlas.system(system.id(), null).allTracks().forEach(t -> tracks.putIfAbsent(t.id(), t.name().zh()));
				}
			}
			return tracks.getOrDefault(id, id);
		}

	}

	/** The sums of one run for one policy, as the outcomes come. */
	private static final class Tally {

		final RegistryEvaluation.Run run;

		final PolicyDocument policy;

		final int first;

		final boolean inForce;

		long evaluated;

		long cost;

		long payees;

		long undetermined;

		long possible;

		final Map<String, long[]> byDistrict = new TreeMap<>();

		final Map<String, long[]> byTrack = new TreeMap<>();

		final long[][] byClause;

		Tally(RegistryEvaluation.Run run, int policy) {
			this.run = run;
			this.policy = run.policies().get(policy);
			this.first = run.firstClause(policy);
			this.inForce = run.inForce(policy);
			this.byClause = new long[this.policy.clauses().size()][5];
		}

		void add(RegistryOutcome outcome) {
			evaluated++;
			long paid = 0;
			boolean open = false;
			for (int c = 0; c < byClause.length; c++) {
				long[] clause = byClause[c];
				Assessment.Status status = outcome.status()[first + c];
				long clausePaid = outcome.paidFen(first + c);
				if (status == Assessment.Status.ELIGIBLE) {
					clause[0]++;
				}
				else if (status == Assessment.Status.UNDETERMINED) {
					clause[1]++;
					open = true;
					Long award = outcome.award()[first + c];
					long would = award == null ? 0 : Math.max(0, award);
					clause[4] = Math.addExact(clause[4], would);
					possible = Math.addExact(possible, would);
				}
				if (clausePaid > 0) {
					clause[2]++;
					clause[3] = Math.addExact(clause[3], clausePaid);
				}
				paid = Math.addExact(paid, clausePaid);
			}
			if (open) {
				undetermined++;
			}
			if (paid <= 0) {
				return;
			}
			payees++;
			cost = Math.addExact(cost, paid);
			add(byDistrict, outcome.district(), paid);
			Set<String> tracks = outcome.tracks();
			if (tracks == null) {
				add(byTrack, SimulationReport.Share.UNCLASSIFIED, paid);
			}
			else if (tracks.isEmpty()) {
				add(byTrack, SimulationReport.Share.NO_TRACK, paid);
			}
			else {
				for (String track : tracks) {
					add(byTrack, track, paid);
				}
			}
		}

		private static void add(Map<String, long[]> shares, String key, long paid) {
			long[] share = shares.computeIfAbsent(key == null ? "" : key, k -> new long[2]);
			share[0]++;
			share[1] = Math.addExact(share[1], paid);
		}

		SimulationReport.Cost cost(Labels labels) {
			Long budget = policy.budget();
			Amount over = budget != null && cost > budget ? Amount.of(cost - budget) : null;
			List<SimulationReport.Share> districts = shares(byDistrict, labels::district);
			List<SimulationReport.Share> tracks = shares(byTrack, key -> switch (key) {
				case SimulationReport.Share.UNCLASSIFIED, SimulationReport.Share.NO_TRACK -> key;
				default -> labels.track(key);
			});
			List<SimulationReport.ClauseCost> clauses = new ArrayList<>();
			for (int c = 0; c < byClause.length; c++) {
				PolicyDocument.PolicyClause entry = policy.clauses().get(c);
				long[] clause = byClause[c];
				clauses.add(new SimulationReport.ClauseCost(entry.clause().id(), entry.clause().title(),
						entry.clause().delivery(), entry.illustrative(), clause[0], clause[1], clause[2], Amount.of(clause[3]),
						Amount.of(clause[4])));
			}
			return new SimulationReport.Cost(Amount.ofNullable(budget), Amount.of(cost), over != null, payees, undetermined,
					Amount.of(possible), over, districts, tracks, clauses);
		}

		private static List<SimulationReport.Share> shares(Map<String, long[]> shares,
				java.util.function.Function<String, String> label) {
			return shares.entrySet().stream()
				.map(e -> new SimulationReport.Share(e.getKey(), label.apply(e.getKey()), e.getValue()[0], Amount.of(e.getValue()[1])))
				.sorted(Comparator.comparing((SimulationReport.Share s) -> -s.cost().fen()).thenComparing(SimulationReport.Share::key))
				.toList();
		}

	}

}

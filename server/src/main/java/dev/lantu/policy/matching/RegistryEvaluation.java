package dev.lantu.policy.matching;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.lantu.engine.batch.BatchEvaluator;
import dev.lantu.engine.batch.EnterpriseColumns;
import dev.lantu.engine.batch.PolicyBatch;
import dev.lantu.engine.batch.PolicyPayments;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.AboveClauseRules;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Calculator;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.IssuerCap;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.engine.sql.ClauseResult;
import dev.lantu.engine.sql.CompiledQuery;
import dev.lantu.engine.sql.ProfileTable;
import dev.lantu.engine.sql.SqlCompiler;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.registry.EnterpriseFacts;
import dev.lantu.registry.RegistryFacts;

/**
 * Every policy over the whole registry, for one application year and date, the calculator's rules included
 * (clause caps, exclusive subjects across policies, the policies' and issuers' caps), by either path:
 * <ul>
 * <li>{@link EvaluationPath#BATCH}: the registry streamed in slices of {@link #SLICE} enterprises into
 * {@link EnterpriseColumns}, each slice run through {@link PolicyBatch}; memory holds one slice.</li>
 * <li>{@link EvaluationPath#SQL}: the registry's facts computed by the database into a {@link ProfileTable} of its
 * own (an INSERT … SELECT), each policy's clauses compiled by {@link SqlCompiler} and run there, the results
 * streamed back in key order and merged per enterprise; the rules above the clause then run per enterprise
 * through the same {@link AboveClauseRules}. The table is dropped afterwards.</li>
 * </ul>
 * Each enterprise's results go to a consumer as they come, so a caller keeps only what it sums.
 */
@Component
public class RegistryEvaluation {

	/** Enterprises per slice on the batch path: big enough to keep both cores busy, small enough to stay bounded. */
	public static final int SLICE = 32_768;

	/** Rows fetched at a time on the SQL path. */
	static final int FETCH = 4_096;

	private final RegistryFacts registry;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RegistryEvaluation(RegistryFacts registry, DataSource dataSource) {
		this.registry = registry;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * What one run evaluates: the policies (in any order; they run in the calculator's tie order) with the
	 * issuers' caps, for an application year and date.
	 */
	public static final class Run {

		private final Schema schema;

		private final List<PolicyDocument> policies;

		private final List<IssuerCap> issuerCaps;

		private final int year;

		private final LocalDate date;

		private final AboveClauseRules rules;

		private final boolean[] inForce;

		public Run(Schema schema, List<PolicyDocument> policies, List<IssuerCap> issuerCaps, int year, LocalDate date) {
			this.schema = schema;
			this.policies = Calculator.inTieOrder(policies);
			this.issuerCaps = List.copyOf(issuerCaps);
			this.year = year;
			this.date = date;
			this.rules = new AboveClauseRules(this.policies, this.issuerCaps);
			this.inForce = new boolean[this.policies.size()];
			for (int p = 0; p < inForce.length; p++) {
				inForce[p] = Calculator.inForce(this.policies.get(p), date);
			}
		}

		/** The policies in the order of the clause numbers of {@link RegistryOutcome}. */
		public List<PolicyDocument> policies() {
			return policies;
		}

		public int policyIndex(String policyId) {
			for (int p = 0; p < policies.size(); p++) {
				if (policies.get(p).id().equals(policyId)) {
					return p;
				}
			}
			throw new IllegalArgumentException("the run has no policy " + policyId);
		}

		/** The number of the policy's first clause among all the run's clauses. */
		public int firstClause(int policy) {
			return rules.firstClause(policy);
		}

		public int clauseCount() {
			return rules.clauseCount();
		}

		public boolean inForce(int policy) {
			return inForce[policy];
		}

		public int year() {
			return year;
		}

		public LocalDate date() {
			return date;
		}

		public Schema schema() {
			return schema;
		}

		List<Clause> clauses(int policy) {
			return policies.get(policy).clauses().stream().map(PolicyDocument.PolicyClause::clause).toList();
		}

		/** The facts the clauses of the policies in force read. */
		private java.util.SortedSet<Fact> reads() {
			java.util.SortedSet<Fact> reads = new TreeSet<>();
			for (int p = 0; p < policies.size(); p++) {
				if (inForce[p]) {
					reads.addAll(BatchEvaluator.compile(clauses(p), schema, policies.get(p).parameters().inForceOn(date), year)
						.reads());
				}
			}
			return reads;
		}

		/** The years of yearly facts the clauses read, so only those are loaded; at least the application year. */
		java.util.SortedSet<Integer> yearsRead() {
			java.util.SortedSet<Integer> years = new TreeSet<>(List.of(year));
			reads().stream().map(Fact::year).filter(y -> y != null).forEach(years::add);
			return years;
		}

		/** The yearly variables the clauses read. */
		Set<String> yearlyRead() {
			return reads().stream().filter(fact -> fact.year() != null).map(Fact::variable)
				.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
		}

	}

	/** How many enterprises a run reads. */
	public long enterprises() {
		return registry.count();
	}

	/** Runs every policy over the registry; {@code progress} hears how many enterprises are done so far. */
	public void run(Run run, EvaluationPath path, Consumer<RegistryOutcome> outcomes, LongConsumer progress) {
		if (path == EvaluationPath.BATCH) {
			batch(run, outcomes, progress);
		}
		else {
			sql(run, outcomes, progress);
		}
	}

	private void batch(Run run, Consumer<RegistryOutcome> outcomes, LongConsumer progress) {
		PolicyBatch batch = new PolicyBatch(run.schema, run.policies, run.issuerCaps);
		java.util.SortedSet<Integer> years = run.yearsRead();
		int first = years.first();
		int last = years.last();
		long[] done = { 0 };
		registry.forEachSlice(run.date, first, last, run.yearlyRead(), SLICE, slice -> {
			EnterpriseColumns columns = EngineFacts.columns(run.schema, first, last, slice);
			PolicyPayments payments = batch.run(columns, run.year, run.date);
			for (int e = 0; e < slice.size(); e++) {
				EnterpriseFacts facts = slice.get(e);
				Assessment.Status[] status = new Assessment.Status[run.clauseCount()];
				Long[] award = new Long[run.clauseCount()];
				long[] paid = new long[run.clauseCount()];
				for (int p = 0; p < run.policies.size(); p++) {
					int firstClause = run.firstClause(p);
					for (int c = 0; c < run.policies.get(p).clauses().size(); c++) {
						status[firstClause + c] = payments.clauseStatus(p, c, e);
						award[firstClause + c] = payments.clauseAwardFen(p, c, e);
						paid[firstClause + c] = payments.clauseDetermined(p, c, e) ? payments.clausePaidFen(p, c, e)
								: AboveClauseRules.NOT_TAKING_PART;
					}
				}
				outcomes.accept(new RegistryOutcome(facts.uscc(), (String) facts.statics().get(EnterpriseFacts.DISTRICT),
						trackSet(facts.statics().get(EnterpriseFacts.TRACKS)), status, award, paid));
			}
			done[0] += slice.size();
			progress.accept(done[0]);
		});
	}

	@SuppressWarnings("unchecked")
	private static Set<String> trackSet(Object raw) {
		return raw == null ? null : Set.copyOf((Set<String>) raw);
	}

	private void sql(Run run, Consumer<RegistryOutcome> outcomes, LongConsumer progress) {
		String name = "matching_profile_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		ProfileTable table = ProfileTable.of(name, run.schema, run.yearsRead());
		jdbc.execute(table.createStatement());
		try {
			registry.fillProfileTable(table, run.date);
			Map<Integer, CompiledQuery> queries = new LinkedHashMap<>();
			for (int p = 0; p < run.policies.size(); p++) {
				if (run.inForce[p]) {
					queries.put(p, SqlCompiler.compile(run.clauses(p), run.policies.get(p).parameters().inForceOn(run.date),
							run.year, registry.dialect(), table));
				}
			}
			try (Connection connection = dataSource.getConnection()) {
				boolean autoCommit = connection.getAutoCommit();
				// PostgreSQL streams a result set only inside a transaction; otherwise it reads it all first
				connection.setAutoCommit(false);
				try {
					merge(run, table, queries, connection, outcomes, progress);
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(autoCommit);
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("matching in the database failed: " + e.getMessage(), e);
		}
		finally {
			jdbc.execute("drop table " + table.sqlName());
		}
	}

	/** Reads the facts and each policy's results in key order, side by side, one enterprise at a time. */
	private void merge(Run run, ProfileTable table, Map<Integer, CompiledQuery> queries, Connection connection,
			Consumer<RegistryOutcome> outcomes, LongConsumer progress) throws SQLException {
		List<Statement> statements = new ArrayList<>();
		try {
			boolean hasDistrict = run.schema.variable(EnterpriseFacts.DISTRICT).isPresent();
			boolean hasTracks = run.schema.variable(EnterpriseFacts.TRACKS).isPresent();
			String key = quote(ProfileTable.ID);
			ResultSet facts = open(connection, statements, "select " + key + ", "
					+ (hasDistrict ? quote(EnterpriseFacts.DISTRICT) : "null") + ", "
					+ (hasTracks ? quote(EnterpriseFacts.TRACKS) : "null") + " from " + table.sqlName() + " order by " + key);
			Map<Integer, ResultSet> results = new LinkedHashMap<>();
			for (Map.Entry<Integer, CompiledQuery> query : queries.entrySet()) {
				results.put(query.getKey(), open(connection, statements,
						"select * from (" + query.getValue().sql() + ") matched order by " + key));
			}
			long done = 0;
			while (facts.next()) {
				String uscc = facts.getString(1);
				Assessment.Status[] status = new Assessment.Status[run.clauseCount()];
				Long[] award = new Long[run.clauseCount()];
				long[] paid = new long[run.clauseCount()];
				java.util.Arrays.fill(paid, AboveClauseRules.NOT_TAKING_PART);
				for (Map.Entry<Integer, ResultSet> result : results.entrySet()) {
					ResultSet row = result.getValue();
					if (!row.next() || !uscc.equals(row.getString(1))) {
						throw new IllegalStateException("the results of " + run.policies.get(result.getKey()).id()
								+ " do not line up with the profile table at " + uscc);
					}
					int firstClause = run.firstClause(result.getKey());
					int clauses = run.policies.get(result.getKey()).clauses().size();
					for (int c = 0; c < clauses; c++) {
						int code = row.getInt(2 + 2 * c);
						long amount = row.getLong(3 + 2 * c);
						Long known = row.wasNull() ? null : amount;
						Assessment.Status clauseStatus = switch (code) {
							case ClauseResult.ELIGIBLE -> Assessment.Status.ELIGIBLE;
							case ClauseResult.NOT_ELIGIBLE -> Assessment.Status.NOT_ELIGIBLE;
							case ClauseResult.UNDETERMINED -> Assessment.Status.UNDETERMINED;
							default -> Assessment.Status.FAILED;
						};
						status[firstClause + c] = clauseStatus;
						award[firstClause + c] = clauseStatus == Assessment.Status.FAILED ? null : known;
						boolean decided = clauseStatus == Assessment.Status.ELIGIBLE || clauseStatus == Assessment.Status.NOT_ELIGIBLE;
						paid[firstClause + c] = decided && known != null ? Math.max(0, known) : AboveClauseRules.NOT_TAKING_PART;
					}
				}
				run.rules.apply(paid, null);
				outcomes.accept(new RegistryOutcome(uscc, facts.getString(2), trackText(facts.getString(3)), status, award, paid));
				if (++done % FETCH == 0) {
					progress.accept(done);
				}
			}
			progress.accept(done);
		}
		finally {
			for (Statement statement : statements) {
				statement.close();
			}
		}
	}

	private static ResultSet open(Connection connection, List<Statement> statements, String sql) throws SQLException {
		Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
		statements.add(statement);
		statement.setFetchSize(FETCH);
		return statement.executeQuery(sql);
	}

	/** A set column's text {@code |a|b|} as a set; null (unknown) stays null. */
	private static Set<String> trackText(String text) {
		if (text == null) {
			return null;
		}
		Set<String> members = new TreeSet<>();
		for (String member : text.split("\\|")) {
			if (!member.isEmpty()) {
				members.add(member);
			}
		}
		return Set.copyOf(members);
	}

	private static String quote(String identifier) {
		return '"' + identifier + '"';
	}

}

package dev.lantu.registry.store;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

import dev.lantu.registry.Enterprise;
import dev.lantu.registry.EnterpriseConflictException;
import dev.lantu.registry.EnterpriseRecord;
import dev.lantu.registry.EnterpriseStatus;
import dev.lantu.registry.Figure;
import dev.lantu.registry.Filing;
import dev.lantu.registry.Qualification;

/**
 * Writes checked records to the registry in batches: an enterprise is created or updated by its USCC
 * (version bumped, every changed field and figure kept as a change with who, when and from what), its
 * figures, qualifications and filings added or corrected; nothing is deleted. Call it inside the
 * transaction that makes the whole file one change. What to write is decided here, the same for every
 * database; how the rows reach the tables is {@link RegistryTables}' choice: COPY on PostgreSQL, JDBC
 * batches elsewhere.
 */
@Component
public class EnterpriseWriter {

	/** Records decided together (one look-up of what the registry holds): enough to amortise it, few enough to keep memory flat. */
	public static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final EnterpriseRepository repository;

	/** Whether the database is PostgreSQL, asked once: it decides how rows reach the tables. */
	private volatile Boolean postgres;

	EnterpriseWriter(JdbcTemplate jdbc, DataSource dataSource, EnterpriseRepository repository) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.repository = repository;
	}

	/** COPY on PostgreSQL, JDBC batches elsewhere: the same rows either way. */
	RegistryTables tables() {
		if (postgres == null) {
			postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
		}
		return postgres ? new CopyTables(dataSource, jdbc) : new BatchedTables(jdbc);
	}

	/** What a batch did, row by row. */
	public enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	/**
	 * What the caller knows of a record's enterprise, so a batch looks up only what it must: on a long
	 * import into a growing table, look-ups are what costs (and a planner whose statistics predate the
	 * import may scan). {@code UNKNOWN}: look it up. {@code NEW}: not in the registry (checked before the
	 * run), so create it. {@code ADDED}: created earlier in this run by a record that said the same about
	 * the enterprise, so only its figures (which no earlier record of the run gave for the same year),
	 * qualifications, filings and former names are added.
	 */
	public enum Origin {
		UNKNOWN, NEW, ADDED
	}

	public Batch open(String actor, String source, OffsetDateTime now) {
		return new Batch(actor, source, now);
	}

	/**
	 * A run of writes by one actor from one source; {@link #flush()} before the transaction ends. Records are
	 * taken in batches of about {@link #BATCH}; a batch ends where an enterprise does, so that the records of an
	 * enterprise that follow each other (its years) are decided together, without looking up what the batch
	 * before wrote.
	 */
	public final class Batch {

		private final RegistryTables tables = tables();

		private final String actor;

		private final String source;

		private final OffsetDateTime now;

		private final List<EnterpriseRecord> pending = new ArrayList<>();

		private final List<Origin> origins = new ArrayList<>();

		private final Map<Outcome, Integer> outcomes = new HashMap<>();

		private int figuresWritten;

		private int figuresChanged;

		Batch(String actor, String source, OffsetDateTime now) {
			this.actor = actor;
			this.source = source;
			this.now = now;
		}

		/** Adds a record whose enterprise may or may not be in the registry. */
		public void add(EnterpriseRecord record) {
			add(record, Origin.UNKNOWN);
		}

		public void add(EnterpriseRecord record, Origin origin) {
			if (pending.size() >= BATCH && !pending.get(pending.size() - 1).uscc().equals(record.uscc())) {
				write();
			}
			pending.add(record);
			origins.add(origin);
		}

		public int count(Outcome outcome) {
			return outcomes.getOrDefault(outcome, 0);
		}

		public int figuresWritten() {
			return figuresWritten;
		}

		public int figuresChanged() {
			return figuresChanged;
		}

		/** Writes every record added so far: reads and the commit see them after. */
		public void flush() {
			write();
			tables.finish();
		}

		private void write() {
			if (pending.isEmpty()) {
				return;
			}
			Set<String> unknown = new LinkedHashSet<>();
			Set<String> created = new HashSet<>();
			Set<String> added = new LinkedHashSet<>();
			for (int i = 0; i < pending.size(); i++) {
				String uscc = pending.get(i).uscc();
				switch (origins.get(i)) {
					case UNKNOWN -> unknown.add(uscc);
					case NEW -> created.add(uscc);
					case ADDED -> {
						if (!created.contains(uscc)) {
							added.add(uscc);
						}
					}
				}
			}
			added.removeAll(unknown);
			if (!unknown.isEmpty() || !added.isEmpty()) {
				tables.flush();
			}
			Map<String, State> states = new LinkedHashMap<>();
			for (Enterprise e : repository.findAll(unknown)) {
				states.put(e.uscc(), new State(e));
			}
			repository.figures(unknown).forEach((uscc, years) -> years.forEach((year, values) -> values
				.forEach((variable, amount) -> states.get(uscc).figures.put(year + "|" + variable, amount))));
			Map<String, List<String>> formerNames = repository.formerNames(added);
			for (String uscc : added) {
				State state = new State(null);
				state.appendOnly = true;
				state.uscc = uscc;
				state.formerNames.addAll(formerNames.getOrDefault(uscc, List.of()));
				state.formerNamesWritten = state.formerNames.size();
				states.put(uscc, state);
			}
			Set<String> looked = new HashSet<>(unknown);
			looked.addAll(added);
			repository.qualifications(looked).forEach((uscc, list) -> list
				.forEach(q -> states.get(uscc).qualifications.put(key(q), q)));
			repository.filings(looked).forEach((uscc, list) -> list
				.forEach(f -> states.get(uscc).filings.put(f.type().label() + "|" + f.filedOn(), f)));
			Statements statements = new Statements();
			for (EnterpriseRecord record : pending) {
				State state = states.computeIfAbsent(record.uscc(), u -> new State(null));
				outcomes.merge(apply(state, record, statements), 1, Integer::sum);
			}
			statements.execute(states.values());
			pending.clear();
			origins.clear();
		}

		private Outcome apply(State s, EnterpriseRecord r, Statements st) {
			boolean created = false;
			boolean changed = false;
			if (s.before == null && !s.created && !s.appendOnly) {
				s.created = true;
				created = true;
				s.name = r.name();
				s.district = r.districtCode();
				s.industry = r.industryCode();
				s.registeredOn = r.registeredOn();
				s.status = r.status() == null ? EnterpriseStatus.OPERATING : r.status();
				s.scope = r.businessScope();
				s.synthetic = Boolean.TRUE.equals(r.synthetic());
				s.uscc = r.uscc();
			}
			else if (!s.appendOnly) {
				if (r.name() != null && !r.name().equals(s.name)) {
					changed |= field(st, s, "name", s.name, r.name());
					if (!s.formerNames.contains(s.name)) {
						s.formerNames.add(s.name);
					}
					s.name = r.name();
				}
				if (r.districtCode() != null && !r.districtCode().equals(s.district)) {
					changed |= field(st, s, "district", s.district, r.districtCode());
					s.district = r.districtCode();
				}
				if (r.industryCode() != null && !r.industryCode().equals(s.industry)) {
					changed |= field(st, s, "industry_code", s.industry, r.industryCode());
					s.industry = r.industryCode();
				}
				if (r.registeredOn() != null && !r.registeredOn().equals(s.registeredOn)) {
					changed |= field(st, s, "registered_on", Objects.toString(s.registeredOn, null), r.registeredOn().toString());
					s.registeredOn = r.registeredOn();
				}
				if (r.status() != null && r.status() != s.status) {
					changed |= field(st, s, "status", s.status.name(), r.status().name());
					s.status = r.status();
				}
				if (r.businessScope() != null && !r.businessScope().equals(s.scope)) {
					changed |= field(st, s, "business_scope", s.scope, r.businessScope());
					s.scope = r.businessScope();
				}
				if (r.synthetic() != null && r.synthetic() != s.synthetic) {
					changed |= field(st, s, "synthetic", String.valueOf(s.synthetic), String.valueOf(r.synthetic()));
					s.synthetic = r.synthetic();
				}
			}
			for (String former : r.formerNames()) {
				if (!s.formerNames.contains(former) && !former.equals(s.name)) {
					s.formerNames.add(former);
					changed = true;
				}
			}
			if (r.year() != null) {
				for (Map.Entry<Figure, Long> figure : r.figures().entrySet()) {
					String key = r.year() + "|" + figure.getKey().variable();
					Long old = s.figures.get(key);
					long value = figure.getValue();
					if (old == null) {
						st.figureInserts.add(new Object[] { s.uscc, r.year(), figure.getKey().variable(), value, text(source), actor, now });
						figuresWritten++;
						changed = true;
					}
					else if (old != value) {
						st.figureUpdates.add(new Object[] { value, text(source), actor, now, s.uscc, r.year(), figure.getKey().variable() });
						st.figureChanges.add(new Object[] { s.uscc, r.year(), figure.getKey().variable(), old, value, text(source), actor, now });
						figuresChanged++;
						changed = true;
					}
					s.figures.put(key, value);
				}
			}
			for (Qualification q : r.qualifications()) {
				Qualification old = s.qualifications.get(key(q));
				if (old == null) {
					st.qualificationInserts.add(new Object[] { s.uscc, q.type().label(), date(q.validFrom()), date(q.validUntil()),
							text(q.certificate()), text(source), actor, now });
					s.qualifications.put(key(q), q);
					changed = true;
				}
				else if (q.validUntil() != null && !q.validUntil().equals(old.validUntil())) {
					st.qualificationUpdates.add(new Object[] { date(q.validUntil()), text(source), actor, now, s.uscc,
							q.type().label(), date(q.validFrom()), date(q.validFrom()) });
					field(st, s, "qualification " + q.type().label() + " valid_until", Objects.toString(old.validUntil(), null),
							q.validUntil().toString());
					s.qualifications.put(key(q), q);
					changed = true;
				}
			}
			for (Filing f : r.filings()) {
				String key = f.type().label() + "|" + f.filedOn();
				if (!s.filings.containsKey(key)) {
					st.filingInserts.add(new Object[] { s.uscc, f.type().label(), f.filedOn(), text(f.reference()), text(source), actor, now });
					s.filings.put(key, f);
					changed = true;
				}
			}
			if (created) {
				return Outcome.CREATED;
			}
			if (changed) {
				s.dirty = true;
				return Outcome.UPDATED;
			}
			return Outcome.UNCHANGED;
		}

		private boolean field(Statements st, State s, String field, String old, String value) {
			if (!s.created) {
				st.fieldChanges.add(new Object[] { s.uscc, field, text(old), text(value), text(source), actor, now });
			}
			return true;
		}

		/** The statements a batch makes, run together. */
		private final class Statements {

			final List<Object[]> figureInserts = new ArrayList<>();

			final List<Object[]> figureUpdates = new ArrayList<>();

			final List<Object[]> figureChanges = new ArrayList<>();

			final List<Object[]> fieldChanges = new ArrayList<>();

			final List<Object[]> qualificationInserts = new ArrayList<>();

			final List<Object[]> qualificationUpdates = new ArrayList<>();

			final List<Object[]> filingInserts = new ArrayList<>();

			void execute(Iterable<State> states) {
				List<Object[]> inserts = new ArrayList<>();
				List<Object[]> updates = new ArrayList<>();
				List<Object[]> formerNames = new ArrayList<>();
				for (State s : states) {
					if (s.created && !s.written) {
						inserts.add(new Object[] { s.uscc, s.name, s.district, text(s.industry), date(s.registeredOn), s.status.name(),
								text(s.scope), s.synthetic, 1, actor, now, actor, now });
						s.written = true;
					}
					else if (s.dirty && s.before != null) {
						updates.add(new Object[] { s.name, s.district, text(s.industry), date(s.registeredOn), s.status.name(),
								text(s.scope), s.synthetic, actor, now, s.uscc, s.before.version() });
					}
					for (int i = s.formerNamesWritten; i < s.formerNames.size(); i++) {
						formerNames.add(new Object[] { s.uscc, i, s.formerNames.get(i) });
					}
					s.formerNamesWritten = s.formerNames.size();
				}
				tables.insert(RegistryTable.ENTERPRISE, inserts);
				int[] updated = tables.update("update enterprise set name = ?, district_code = ?, industry_code = ?, registered_on = ?, "
						+ "status = ?, business_scope = ?, synthetic = ?, version = version + 1, updated_by = ?, updated_at = ? "
						+ "where uscc = ? and version = ?", updates);
				for (int i = 0; i < updated.length; i++) {
					if (updated[i] == 0) {
						throw new EnterpriseConflictException((String) updates.get(i)[9]);
					}
				}
				tables.insert(RegistryTable.FORMER_NAME, formerNames);
				tables.insert(RegistryTable.FIELD_CHANGE, fieldChanges);
				tables.insert(RegistryTable.FIGURE, figureInserts);
				tables.update("update enterprise_figure set amount = ?, source = ?, recorded_by = ?, recorded_at = ? "
						+ "where uscc = ? and period_year = ? and variable = ?", figureUpdates);
				tables.insert(RegistryTable.FIGURE_CHANGE, figureChanges);
				tables.insert(RegistryTable.QUALIFICATION, qualificationInserts);
				tables.update("update enterprise_qualification set valid_until = ?, source = ?, recorded_by = ?, recorded_at = ? "
						+ "where uscc = ? and qualification = ? and (valid_from = ? or (valid_from is null and ? is null))",
						qualificationUpdates);
				tables.insert(RegistryTable.FILING, filingInserts);
			}

		}

	}

	private static String key(Qualification q) {
		return q.type().label() + "|" + q.validFrom();
	}

	/** Typed nulls, so PostgreSQL need not guess a null's type. */
	private static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static SqlParameterValue date(java.time.LocalDate value) {
		return new SqlParameterValue(Types.DATE, value);
	}

	/** An enterprise as a batch sees it: as stored (null when new) and as the batch's rows leave it. */
	private static final class State {

		final Enterprise before;

		final Map<String, Long> figures = new HashMap<>();

		final Map<String, Qualification> qualifications = new HashMap<>();

		final Map<String, Filing> filings = new HashMap<>();

		final List<String> formerNames = new ArrayList<>();

		int formerNamesWritten;

		String uscc;

		String name;

		String district;

		String industry;

		java.time.LocalDate registeredOn;

		EnterpriseStatus status;

		String scope;

		boolean synthetic;

		boolean created;

		boolean written;

		boolean dirty;

		/** Created earlier in this run: only figures, qualifications, filings and former names are added. */
		boolean appendOnly;

		State(Enterprise before) {
			this.before = before;
			if (before != null) {
				uscc = before.uscc();
				name = before.name();
				district = before.districtCode();
				industry = before.industryCode();
				registeredOn = before.registeredOn();
				status = before.status();
				scope = before.businessScope();
				synthetic = before.synthetic();
				formerNames.addAll(before.formerNames());
				formerNamesWritten = formerNames.size();
			}
		}

	}

}

package dev.lantu.registry.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.sql.ProfileTable;
import dev.lantu.engine.sql.SqlDialect;
import dev.lantu.registry.Enterprise;
import dev.lantu.registry.EnterpriseFacts;
import dev.lantu.registry.EnterpriseStatus;
import dev.lantu.registry.Figure;
import dev.lantu.registry.Filing;
import dev.lantu.registry.FilingType;
import dev.lantu.registry.Qualification;
import dev.lantu.registry.QualificationType;

/**
 * The whole registry read for the policy engine: the operating enterprises in slices by USCC with their
 * figures, qualifications and filings (a range scan of each table's USCC index per slice), and the engine's
 * profile table filled by one INSERT … SELECT where the data lives. Portable SQL except the one aggregate
 * that lists an enterprise's tracks.
 */
@Repository
public class RegistryFactsRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final SqlDialect dialect;

	RegistryFactsRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = new JdbcTemplate(dataSource);
		this.dialect = template.execute((ConnectionCallback<SqlDialect>) RegistryFactsRepository::dialectOf);
	}

	private static SqlDialect dialectOf(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String product = meta.getDatabaseProductName().toLowerCase();
		if (product.contains("postgres")) {
			return SqlDialect.POSTGRES;
		}
		if (product.contains("h2")) {
			return SqlDialect.H2;
		}
		throw new IllegalStateException("the registry runs on PostgreSQL or H2, not " + meta.getDatabaseProductName());
	}

	public SqlDialect dialect() {
		return dialect;
	}

	/** The enterprises matching reads: those in operation (在营), since a payment to a closed one cannot be made. */
	public long countOperating() {
		return jdbc.sql("select count(*) from enterprise where status = :status").param("status", EnterpriseStatus.OPERATING.name())
			.query(Long.class).single();
	}

	/** Up to {@code limit} operating enterprises after {@code after} (null: from the first), by USCC. */
	public List<Enterprise> operatingAfter(String after, int limit) {
		return jdbc.sql("select uscc, name, district_code, industry_code, registered_on, status, business_scope, synthetic, "
				+ "version, created_by, created_at, updated_by, updated_at from enterprise where status = :status" + (after == null ? "" : " and uscc > :after")
				+ " order by uscc limit :limit")
			.param("status", EnterpriseStatus.OPERATING.name()).param("after", after == null ? "" : after).param("limit", limit)
			.query(EnterpriseRepository::enterprise).list();
	}

	/**
	 * Figures of the years asked by enterprise, year and variable, for the USCCs from {@code from} to {@code to};
	 * only the variables named, or all when {@code variables} is null.
	 */
	public Map<String, Map<Integer, Map<String, Long>>> figuresBetween(String from, String to, int firstYear, int lastYear,
			java.util.Collection<String> variables) {
		Map<String, Map<Integer, Map<String, Long>>> figures = new HashMap<>();
		if (variables != null && variables.isEmpty()) {
			return figures;
		}
		jdbc.sql("select uscc, period_year, variable, amount from enterprise_figure where uscc >= :from and uscc <= :to "
				+ "and period_year between :first and :last" + (variables == null ? "" : " and variable in (:variables)"))
			.param("from", from).param("to", to).param("first", firstYear).param("last", lastYear)
			.param("variables", variables == null ? List.of("") : List.copyOf(variables))
			.query(rs -> {
				figures.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
					.computeIfAbsent(rs.getInt(2), k -> new LinkedHashMap<>())
					.put(rs.getString(3), rs.getLong(4));
			});
		return figures;
	}

	public Map<String, List<Qualification>> qualificationsBetween(String from, String to) {
		Map<String, List<Qualification>> all = new HashMap<>();
		jdbc.sql("select uscc, qualification, valid_from, valid_until from enterprise_qualification "
				+ "where uscc >= :from and uscc <= :to")
			.param("from", from).param("to", to)
			.query(rs -> {
				QualificationType type = QualificationType.parse(rs.getString(2)).orElse(null);
				if (type != null) {
					all.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Qualification(type,
							rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), null, null));
				}
			});
		return all;
	}

	public Map<String, List<Filing>> filingsBetween(String from, String to) {
		Map<String, List<Filing>> all = new HashMap<>();
		jdbc.sql("select uscc, filing, filed_on from enterprise_filing where uscc >= :from and uscc <= :to")
			.param("from", from).param("to", to)
			.query(rs -> {
				FilingType type = FilingType.parse(rs.getString(2)).orElse(null);
				if (type != null) {
					all.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new Filing(type, rs.getObject(3, LocalDate.class), null, null));
				}
			});
		return all;
	}

	/**
	 * Fills {@code table}, which must exist and be empty, with one row per operating enterprise: the facts
	 * {@link EnterpriseFacts} gives one enterprise, computed by the database. {@code trackMembership} is a query
	 * of {@code (uscc, track)} rows, or null when there is no classification ({@code tracks} stays NULL,
	 * unknown). A variable of the schema the registry does not hold stays NULL too.
	 *
	 * @return the rows written
	 * @throws IllegalStateException when the schema types a variable the registry holds otherwise than it does
	 */
	public long fill(ProfileTable table, LocalDate asOf, String trackMembership) {
		List<String> columns = new ArrayList<>();
		List<String> values = new ArrayList<>();
		Map<String, String> pivot = new LinkedHashMap<>();
		columns.add(quote(ProfileTable.ID));
		values.add("e.uscc");
		for (Variable variable : table.variables()) {
			if (variable.isYearly()) {
				Figure figure = Figure.byVariable(variable.name()).orElse(null);
				for (int year : table.years()) {
					String column = ProfileTable.column(variable.name(), year);
					columns.add(quote(column));
					if (figure == null) {
						values.add("null");
						continue;
					}
					expect(variable, figure.kind() == Figure.Kind.MONEY ? Type.MONEY
							: figure.kind() == Figure.Kind.COUNT ? Type.NUMBER : Type.BOOLEAN);
					String alias = "f_" + pivot.size();
					pivot.put(alias, "max(case when period_year = " + year + " and variable = '" + figure.variable()
							+ "' then amount end)");
					values.add(switch (figure.kind()) {
						case MONEY -> "f." + alias;
						case COUNT -> "cast(f." + alias + " as decimal(38, " + ProfileTable.NUMBER_SCALE + "))";
						case FLAG -> "case when f." + alias + " is null then null else f." + alias + " <> 0 end";
					});
				}
				continue;
			}
			columns.add(quote(ProfileTable.column(variable.name())));
			values.add(staticValue(variable, trackMembership != null));
		}
		StringBuilder sql = new StringBuilder("insert into ").append(table.sqlName()).append(" (")
			.append(String.join(", ", columns)).append(") select ").append(String.join(", ", values))
			.append(" from enterprise e");
		if (!pivot.isEmpty()) {
			sql.append(" left join (select uscc");
			pivot.forEach((alias, expression) -> sql.append(", ").append(expression).append(" as ").append(alias));
			sql.append(" from enterprise_figure where period_year between ").append(table.years().first()).append(" and ")
				.append(table.years().last()).append(" group by uscc) f on f.uscc = e.uscc");
		}
		String day = "date '" + asOf + "'";
		sql.append(" left join (select uscc");
		QualificationType[] qualifications = QualificationType.values();
		for (int i = 0; i < qualifications.length; i++) {
			sql.append(", max(case when qualification = '").append(qualifications[i].label()).append("' then 1 else 0 end) as q_")
				.append(i);
		}
		sql.append(", max(case when qualification = '").append(QualificationType.HIGH_TECH.label())
			.append("' then valid_until end) as high_tech_until from enterprise_qualification where (valid_from is null or valid_from <= ")
			.append(day).append(") and (valid_until is null or valid_until >= ").append(day).append(") group by uscc) q on q.uscc = e.uscc");
		sql.append(" left join (select uscc");
		FilingType[] filings = FilingType.values();
		for (int i = 0; i < filings.length; i++) {
			sql.append(", max(case when filing = '").append(filings[i].label()).append("' then 1 else 0 end) as fi_").append(i);
		}
		sql.append(", min(case when filing = '").append(FilingType.GENERATIVE_AI.label()).append("' then filed_on end) as llm_first")
			.append(", min(case when filing in ('").append(FilingType.ALGORITHM.label()).append("', '")
			.append(FilingType.DEEP_SYNTHESIS.label()).append("') then filed_on end) as algorithm_first")
			.append(" from enterprise_filing where filed_on <= ").append(day).append(" group by uscc) fi on fi.uscc = e.uscc");
		if (trackMembership != null) {
			String list = switch (dialect) {
				case POSTGRES -> "string_agg(track, '|' order by track collate \"C\")";
				default -> "listagg(track, '|') within group (order by track)";
			};
			sql.append(" left join (select uscc, count(*) as classified, count(track) as held, ").append(list)
				.append(" as listed from (").append(trackMembership).append(") m group by uscc) t on t.uscc = e.uscc");
		}
		sql.append(" where e.status = '").append(EnterpriseStatus.OPERATING.name()).append("'");
		return template.update(sql.toString());
	}

	/** A static variable as the database computes it; NULL for one the registry does not hold. */
	private String staticValue(Variable variable, boolean classified) {
		switch (variable.name()) {
			case EnterpriseFacts.DISTRICT:
				expect(variable, Type.TEXT);
				return "e.district_code";
			case EnterpriseFacts.REGISTERED_ON:
				expect(variable, Type.DATE);
				return "e.registered_on";
			case EnterpriseFacts.QUALIFICATIONS: {
				expect(variable, Type.SET);
				QualificationType[] types = QualificationType.values();
				return setText(Arrays.stream(types).map(QualificationType::label).toList(), "q.q_");
			}
			case EnterpriseFacts.FILINGS: {
				expect(variable, Type.SET);
				return setText(Arrays.stream(FilingType.values()).map(FilingType::label).toList(), "fi.fi_");
			}
			case EnterpriseFacts.LARGE_MODEL_ENTERPRISE:
				expect(variable, Type.BOOLEAN);
				return "case when q.q_" + QualificationType.LARGE_MODEL.ordinal() + " = 1 then true else false end";
			case EnterpriseFacts.HIGH_TECH_VALID_UNTIL:
				expect(variable, Type.DATE);
				return "q.high_tech_until";
			case EnterpriseFacts.LLM_FILING_FIRST_ON:
				expect(variable, Type.DATE);
				return "fi.llm_first";
			case EnterpriseFacts.ALGORITHM_FILING_FIRST_ON:
				expect(variable, Type.DATE);
				return "fi.algorithm_first";
			case EnterpriseFacts.TRACKS:
				expect(variable, Type.SET);
				// classified into none: the empty set, known; never classified: NULL, unknown
				return classified ? "case when t.classified is null then null when t.held = 0 then '|' else '|' || t.listed || '|' end"
						: "null";
			default:
				return "null";
		}
	}

	/**
	 * The set text {@code |a|b|} of the labels held, in the order {@link ProfileTable#setText} sorts them, built
	 * from one 0/1 column per label ({@code prefix} and the label's position in {@code labels}). An enterprise
	 * with no row holds none: the empty set, known, since the lists are complete.
	 */
	private static String setText(List<String> labels, String prefix) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing(labels::get));
		StringBuilder text = new StringBuilder("'|'");
		for (int i : order) {
			text.append(" || case when ").append(prefix).append(i).append(" = 1 then '").append(labels.get(i))
				.append("|' else '' end");
		}
		return text.toString();
	}

	private static void expect(Variable variable, Type registry) {
		if (variable.type() != registry) {
			throw new IllegalStateException("the policy schema types " + variable.name() + " as " + variable.type()
					+ ", but the registry holds it as " + registry);
		}
	}

	private static String quote(String identifier) {
		return '"' + identifier + '"';
	}

}

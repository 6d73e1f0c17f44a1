package dev.lantu.registry.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.registry.Enterprise;
import dev.lantu.registry.EnterpriseFilter;
import dev.lantu.registry.EnterpriseStatus;
import dev.lantu.registry.EnterpriseSummary;
import dev.lantu.registry.FieldChange;
import dev.lantu.registry.Figure;
import dev.lantu.registry.FigureChange;
import dev.lantu.registry.Filing;
import dev.lantu.registry.FilingType;
import dev.lantu.registry.Qualification;
import dev.lantu.registry.QualificationType;

/** Reads the registry in plain SQL that PostgreSQL and H2 both run. */
@Repository
public class EnterpriseRepository {

	private final JdbcClient jdbc;

	EnterpriseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The WHERE clause of a filter and its parameters; {@code industryPrefixes} are the codes' leading digits to match. */
	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(EnterpriseFilter filter, List<String> industryPrefixes, LocalDate today) {
		StringBuilder sql = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (filter.text() != null) {
			sql.append(" and (lower(e.name) like :text or e.uscc like :usccPrefix or exists (select 1 from "
					+ "enterprise_former_name f where f.uscc = e.uscc and lower(f.name) like :text))");
			params.put("text", "%" + filter.text().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("usccPrefix", filter.text().toUpperCase().replace("%", "").replace("_", "") + "%");
		}
		if (filter.districtCode() != null) {
			sql.append(" and e.district_code = :district");
			params.put("district", filter.districtCode());
		}
		if (filter.scopeDistrict() != null) {
			sql.append(" and e.district_code = :scopeDistrict");
			params.put("scopeDistrict", filter.scopeDistrict());
		}
		if (filter.scopeUscc() != null) {
			sql.append(" and e.uscc = :scopeUscc");
			params.put("scopeUscc", filter.scopeUscc());
		}
		if (industryPrefixes != null) {
			if (industryPrefixes.isEmpty()) {
				sql.append(" and 1 = 0");
			}
			else {
				List<String> clauses = new ArrayList<>();
				for (int i = 0; i < industryPrefixes.size(); i++) {
					clauses.add("e.industry_code like :industry" + i);
					params.put("industry" + i, industryPrefixes.get(i) + "%");
				}
				sql.append(" and (").append(String.join(" or ", clauses)).append(")");
			}
		}
		if (filter.qualification() != null) {
			sql.append(" and exists (select 1 from enterprise_qualification q where q.uscc = e.uscc and q.qualification = "
					+ ":qualification and (q.valid_from is null or q.valid_from <= :today) and (q.valid_until is null or "
					+ "q.valid_until >= :today))");
			params.put("qualification", filter.qualification().label());
			params.put("today", today);
		}
		if (filter.synthetic() != null) {
			sql.append(" and e.synthetic = :synthetic");
			params.put("synthetic", filter.synthetic());
		}
		return new Where(sql.toString(), params);
	}

	public long count(EnterpriseFilter filter, List<String> industryPrefixes, LocalDate today) {
		Where where = where(filter, industryPrefixes, today);
		return jdbc.sql("select count(*) from enterprise e" + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** A page of a search, by name then USCC, with each enterprise's latest revenue and employees. */
	public List<EnterpriseSummary> search(EnterpriseFilter filter, List<String> industryPrefixes, LocalDate today, int page,
			int size) {
		Where where = where(filter, industryPrefixes, today);
		Map<String, Object> params = new HashMap<>(where.params());
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<Enterprise> found = jdbc.sql("select e.* from enterprise e" + where.sql()
				+ " order by e.name, e.uscc limit :limit offset :offset").params(params).query(EnterpriseRepository::enterprise).list();
		Map<String, Map<Integer, Map<String, Long>>> figures = figures(found.stream().map(Enterprise::uscc).toList());
		return found.stream().map(e -> {
			TreeMap<Integer, Map<String, Long>> years = new TreeMap<>(figures.getOrDefault(e.uscc(), Map.of()));
			Integer latest = years.isEmpty() ? null : years.lastKey();
			Map<String, Long> last = latest == null ? Map.of() : years.get(latest);
			return new EnterpriseSummary(e.uscc(), e.name(), e.districtCode(), e.industryCode(), e.status(), e.registeredOn(),
					e.synthetic(), latest, last.get(Figure.REVENUE.variable()), last.get(Figure.EMPLOYEES.variable()));
		}).toList();
	}

	/** The USCCs of a filter after {@code after} (keyset paging for exports that may be millions long). */
	public List<String> usccsAfter(EnterpriseFilter filter, List<String> industryPrefixes, LocalDate today, String after,
			int size) {
		Where where = where(filter, industryPrefixes, today);
		Map<String, Object> params = new HashMap<>(where.params());
		params.put("after", after == null ? "" : after);
		params.put("limit", size);
		return jdbc.sql("select e.uscc from enterprise e" + where.sql() + " and e.uscc > :after order by e.uscc limit :limit")
			.params(params).query(String.class).list();
	}

	public Optional<Enterprise> find(String uscc) {
		return jdbc.sql("select * from enterprise where uscc = :uscc").param("uscc", uscc)
			.query(EnterpriseRepository::enterprise).optional()
			.map(e -> withFormerNames(e, formerNames(List.of(uscc)).getOrDefault(uscc, List.of())));
	}

	public List<Enterprise> findAll(Collection<String> usccs) {
		if (usccs.isEmpty()) {
			return List.of();
		}
		Map<String, List<String>> former = formerNames(usccs);
		return jdbc.sql("select * from enterprise where uscc in (:usccs) order by uscc").param("usccs", usccs)
			.query(EnterpriseRepository::enterprise).list().stream()
			.map(e -> withFormerNames(e, former.getOrDefault(e.uscc(), List.of())))
			.toList();
	}

	private static Enterprise withFormerNames(Enterprise e, List<String> formerNames) {
		return new Enterprise(e.uscc(), e.name(), formerNames, e.districtCode(), e.industryCode(), e.registeredOn(), e.status(),
				e.businessScope(), e.synthetic(), e.version(), e.createdBy(), e.createdAt(), e.updatedBy(), e.updatedAt());
	}

	public Map<String, List<String>> formerNames(Collection<String> usccs) {
		Map<String, List<String>> names = new HashMap<>();
		if (usccs.isEmpty()) {
			return names;
		}
		jdbc.sql("select uscc, name from enterprise_former_name where uscc in (:usccs) order by uscc, position")
			.param("usccs", usccs)
			.query((rs, n) -> names.computeIfAbsent(rs.getString("uscc"), k -> new ArrayList<>()).add(rs.getString("name")))
			.list();
		return names;
	}

	/** Figures by enterprise, year (ascending) and variable. */
	public Map<String, Map<Integer, Map<String, Long>>> figures(Collection<String> usccs) {
		Map<String, Map<Integer, Map<String, Long>>> figures = new HashMap<>();
		if (usccs.isEmpty()) {
			return figures;
		}
		jdbc.sql("select uscc, period_year, variable, amount from enterprise_figure where uscc in (:usccs) "
				+ "order by uscc, period_year, variable")
			.param("usccs", usccs)
			.query((rs, n) -> figures.computeIfAbsent(rs.getString("uscc"), k -> new TreeMap<>())
				.computeIfAbsent(rs.getInt("period_year"), k -> new LinkedHashMap<>())
				.put(rs.getString("variable"), rs.getLong("amount")))
			.list();
		return figures;
	}

	public Map<String, List<Qualification>> qualifications(Collection<String> usccs) {
		Map<String, List<Qualification>> all = new HashMap<>();
		if (usccs.isEmpty()) {
			return all;
		}
		jdbc.sql("select * from enterprise_qualification where uscc in (:usccs) order by uscc, qualification, valid_from, id")
			.param("usccs", usccs)
			.query((rs, n) -> {
				QualificationType type = QualificationType.parse(rs.getString("qualification")).orElse(null);
				if (type != null) {
					all.computeIfAbsent(rs.getString("uscc"), k -> new ArrayList<>()).add(new Qualification(type,
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
							rs.getString("certificate"), rs.getString("source")));
				}
				return null;
			})
			.list();
		return all;
	}

	public Map<String, List<Filing>> filings(Collection<String> usccs) {
		Map<String, List<Filing>> all = new HashMap<>();
		if (usccs.isEmpty()) {
			return all;
		}
		jdbc.sql("select * from enterprise_filing where uscc in (:usccs) order by uscc, filed_on, id")
			.param("usccs", usccs)
			.query((rs, n) -> {
				FilingType type = FilingType.parse(rs.getString("filing")).orElse(null);
				if (type != null) {
					all.computeIfAbsent(rs.getString("uscc"), k -> new ArrayList<>()).add(new Filing(type,
							rs.getObject("filed_on", LocalDate.class), rs.getString("reference"), rs.getString("source")));
				}
				return null;
			})
			.list();
		return all;
	}

	public List<FigureChange> figureChanges(String uscc) {
		return jdbc.sql("select * from enterprise_figure_change where uscc = :uscc order by id").param("uscc", uscc)
			.query((rs, n) -> new FigureChange(rs.getInt("period_year"), rs.getString("variable"),
					(Long) rs.getObject("old_amount", Long.class), rs.getLong("new_amount"), rs.getString("changed_by"),
					rs.getObject("changed_at", OffsetDateTime.class), rs.getString("source")))
			.list();
	}

	public List<FieldChange> fieldChanges(String uscc) {
		return jdbc.sql("select * from enterprise_change where uscc = :uscc order by id").param("uscc", uscc)
			.query((rs, n) -> new FieldChange(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
					rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class), rs.getString("source")))
			.list();
	}

	/** Which of these USCCs the registry has. */
	public java.util.Set<String> existing(Collection<String> usccs) {
		if (usccs.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("select uscc from enterprise where uscc in (:usccs)").param("usccs", usccs)
			.query(String.class).list());
	}

	public boolean anySynthetic() {
		return jdbc.sql("select count(*) from enterprise where synthetic = true").query(Long.class).single() > 0;
	}

	static Enterprise enterprise(ResultSet rs, int row) throws SQLException {
		return new Enterprise(rs.getString("uscc"), rs.getString("name"), List.of(), rs.getString("district_code"),
				rs.getString("industry_code"), rs.getObject("registered_on", LocalDate.class),
				EnterpriseStatus.valueOf(rs.getString("status")), rs.getString("business_scope"), rs.getBoolean("synthetic"),
				rs.getInt("version"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
	}

}

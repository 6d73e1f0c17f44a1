package dev.lantu.projects.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.lantu.projects.Investment;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectDraft;
import dev.lantu.projects.ProjectEvent;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.Stage;

/** Projects, their history and investment in plain SQL that PostgreSQL and H2 both run. */
@Repository
public class ProjectRepository {

	private final JdbcClient jdbc;

	ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(ProjectDraft draft, boolean synthetic, String actor, OffsetDateTime now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Project.Source source = draft.source();
		jdbc.sql("""
				insert into project (name, investor_uscc, investor_name, district_code, planned_investment, expected_output,
				    expected_jobs, site, source_title, source_date, source_url, synthetic, stage, stage_since, version,
				    created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""")
			.params(draft.name(), draft.investorUscc(), draft.investorName(), draft.districtCode(),
					draft.plannedInvestmentFen(), draft.expectedOutputFen(), draft.expectedJobs(), draft.site(),
					source == null ? null : source.title(), source == null || source.date() == null ? null : Date.valueOf(source.date()),
					source == null ? null : source.url(), synthetic, draft.stage().name(), Date.valueOf(draft.stageDate()),
					actor, now, actor, now)
			.update(key, "id");
		long id = key.getKey().longValue();
		writeTracksAndDocuments(id, draft);
		return id;
	}

	private void writeTracksAndDocuments(long id, ProjectDraft draft) {
		jdbc.sql("delete from project_track where project_id = ?").param(id).update();
		jdbc.sql("delete from project_document where project_id = ?").param(id).update();
		for (String track : draft.trackIds().stream().distinct().toList()) {
			jdbc.sql("insert into project_track (project_id, track_id) values (?, ?)").params(id, track).update();
		}
		for (int i = 0; i < draft.documents().size(); i++) {
			Project.Document document = draft.documents().get(i);
			jdbc.sql("insert into project_document (project_id, position, title, url) values (?, ?, ?, ?)")
				.params(id, i, document.title(), document.url())
				.update();
		}
	}

	/** Rewrites the description if the project is still at {@code version}; false when it is not. */
	public boolean updateDescription(long id, int version, ProjectDraft draft, String actor, OffsetDateTime now) {
		Project.Source source = draft.source();
		int updated = jdbc.sql("""
				update project set name = ?, investor_uscc = ?, investor_name = ?, planned_investment = ?, expected_output = ?,
				    expected_jobs = ?, site = ?, source_title = ?, source_date = ?, source_url = ?, version = version + 1,
				    updated_by = ?, updated_at = ?
				where id = ? and version = ?""")
			.params(draft.name(), draft.investorUscc(), draft.investorName(), draft.plannedInvestmentFen(),
					draft.expectedOutputFen(), draft.expectedJobs(), draft.site(), source == null ? null : source.title(),
					source == null || source.date() == null ? null : Date.valueOf(source.date()),
					source == null ? null : source.url(), actor, now, id, version)
			.update();
		if (updated == 1) {
			writeTracksAndDocuments(id, draft);
		}
		return updated == 1;
	}

	/** Moves the project's current stage if it is still at {@code version}; false when it is not. */
	public boolean updateStage(long id, int version, Stage stage, LocalDate since, String actor, OffsetDateTime now) {
		return jdbc.sql("""
				update project set stage = ?, stage_since = ?, version = version + 1, updated_by = ?, updated_at = ?
				where id = ? and version = ?""")
			.params(stage.name(), Date.valueOf(since), actor, now, id, version)
			.update() == 1;
	}

	/** Marks a change that is not a description or stage (investment) on the project's version. */
	public boolean touch(long id, int version, String actor, OffsetDateTime now) {
		return jdbc.sql("update project set version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ?")
			.params(actor, now, id, version)
			.update() == 1;
	}

	public long insertEvent(long projectId, ProjectEvent.Kind kind, Stage from, Stage to, LocalDate date, String evidence,
			String reason, Long corrects, String actor, OffsetDateTime now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into project_event (project_id, kind, from_stage, to_stage, event_date, evidence, reason, corrects_event,
				    recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(projectId, kind.name(), from == null ? null : from.name(), to.name(), Date.valueOf(date), evidence,
					reason, corrects, actor, now)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public Optional<Project> find(long id) {
		List<Project> found = query("where p.id = ?", List.of(id), "", 1, 0);
		return found.stream().findFirst();
	}

	public List<ProjectEvent> events(long projectId) {
		return jdbc.sql("""
				select e.*, (select count(*) from project_event c where c.corrects_event = e.id) as corrections
				from project_event e where e.project_id = ? order by e.id""")
			.param(projectId)
			.query((rs, i) -> new ProjectEvent(rs.getLong("id"), ProjectEvent.Kind.valueOf(rs.getString("kind")),
					rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
					Stage.valueOf(rs.getString("to_stage")), rs.getDate("event_date").toLocalDate(),
					rs.getString("evidence"), rs.getString("reason"), (Long) rs.getObject("corrects_event", Long.class),
					rs.getInt("corrections") > 0, rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
	}

	public List<Investment> investments(long projectId) {
		return jdbc.sql("select * from project_investment where project_id = ? order by period_year")
			.param(projectId)
			.query((rs, i) -> new Investment(rs.getInt("period_year"), rs.getLong("amount"), rs.getString("note"),
					rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
	}

	public List<Investment.Change> investmentChanges(long projectId) {
		return jdbc.sql("select * from project_investment_change where project_id = ? order by id")
			.param(projectId)
			.query((rs, i) -> new Investment.Change(rs.getInt("period_year"), (Long) rs.getObject("old_amount", Long.class),
					rs.getLong("new_amount"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
	}

	public void saveInvestment(long projectId, int year, long amountFen, String note, String actor, OffsetDateTime now) {
		Optional<Long> old = jdbc.sql("select amount from project_investment where project_id = ? and period_year = ?")
			.params(projectId, year)
			.query(Long.class)
			.optional();
		if (old.isPresent()) {
			jdbc.sql("update project_investment set amount = ?, note = ?, recorded_by = ?, recorded_at = ? where project_id = ? and period_year = ?")
				.params(amountFen, note, actor, now, projectId, year)
				.update();
		}
		else {
			jdbc.sql("insert into project_investment (project_id, period_year, amount, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
				.params(projectId, year, amountFen, note, actor, now)
				.update();
		}
		jdbc.sql("insert into project_investment_change (project_id, period_year, old_amount, new_amount, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
			.params(projectId, year, old.orElse(null), amountFen, actor, now)
			.update();
	}

	/** The SQL condition and parameters of a filter, over project p. */
	public record Where(String sql, List<Object> params) {
	}

	public static Where where(ProjectFilter filter) {
		return where(filter, null);
	}

	/**
	 * The filter's condition within a caller's scope: {@code scope} is the one district the caller may see
	 * (a district officer's), null for every district. A filter naming another district then finds nothing.
	 */
	public static Where where(ProjectFilter filter, String scope) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (scope != null) {
			conditions.add("p.district_code = ?");
			params.add(scope);
		}
		if (filter.districtCode() != null) {
			conditions.add("p.district_code = ?");
			params.add(filter.districtCode());
		}
		if (filter.trackId() != null) {
			conditions.add("exists (select 1 from project_track t where t.project_id = p.id and t.track_id = ?)");
			params.add(filter.trackId());
		}
		if (filter.stage() != null) {
			conditions.add("p.stage = ?");
			params.add(filter.stage().name());
		}
		if (filter.year() != null) {
			conditions.add(SIGNED_YEAR + " = ?");
			params.add(filter.year());
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			conditions.add("(lower(p.name) like ? or lower(p.investor_name) like ? or lower(coalesce(p.site, '')) like ?)");
			String like = "%" + filter.text().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
			params.add(like);
		}
		if (filter.synthetic() != null) {
			conditions.add("p.synthetic = ?");
			params.add(filter.synthetic());
		}
		return new Where(conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions), params);
	}

	/**
	 * The year a project was signed: its earliest effective entry at 签约 or beyond (a project entered at
	 * 动工 was signed by then); null while it is negotiating.
	 */
	public static final String SIGNED_YEAR = """
			(select min(cast(extract(year from e.event_date) as integer)) from project_event e
			 where e.project_id = p.id and e.kind = 'TRANSITION' and e.to_stage not in ('NEGOTIATING', 'TERMINATED')
			   and not exists (select 1 from project_event c where c.corrects_event = e.id))""";

	public List<Project> search(ProjectFilter filter, String scope, int limit, int offset) {
		Where where = where(filter, scope);
		return query(where.sql(), where.params(), "order by p.id desc", limit, offset);
	}

	public long count(ProjectFilter filter, String scope) {
		Where where = where(filter, scope);
		return jdbc.sql("select count(*) from project p " + where.sql()).params(where.params()).query(Long.class).single();
	}

	private List<Project> query(String where, List<Object> params, String order, int limit, int offset) {
		List<Object> all = new ArrayList<>(params);
		all.add(offset);
		all.add(limit);
		List<Project> projects = jdbc.sql("select p.* from project p " + where + " " + order + " offset ? rows fetch next ? rows only")
			.params(all)
			.query(this::project)
			.list();
		if (projects.isEmpty()) {
			return projects;
		}
		Map<Long, List<String>> tracks = new LinkedHashMap<>();
		Map<Long, List<Project.Document>> documents = new LinkedHashMap<>();
		String ids = String.join(",", projects.stream().map(p -> String.valueOf(p.id())).toList());
		jdbc.sql("select project_id, track_id from project_track where project_id in (" + ids + ") order by track_id")
			.query(rs -> {
				tracks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		jdbc.sql("select project_id, title, url from project_document where project_id in (" + ids + ") order by position")
			.query(rs -> {
				documents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Project.Document(rs.getString(2), rs.getString(3)));
			});
		return projects.stream()
			.map(p -> new Project(p.id(), p.name(), p.investorUscc(), p.investorName(), p.districtCode(),
					tracks.getOrDefault(p.id(), List.of()), p.plannedInvestmentFen(), p.expectedOutputFen(),
					p.expectedJobs(), p.site(), p.source(), documents.getOrDefault(p.id(), List.of()), p.synthetic(),
					p.stage(), p.stageSince(), p.version(), p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt()))
			.toList();
	}

	private Project project(ResultSet rs, int row) throws SQLException {
		Date sourceDate = rs.getDate("source_date");
		String sourceTitle = rs.getString("source_title");
		String sourceUrl = rs.getString("source_url");
		Project.Source source = sourceTitle == null && sourceDate == null && sourceUrl == null ? null
				: new Project.Source(sourceTitle, sourceDate == null ? null : sourceDate.toLocalDate(), sourceUrl);
		return new Project(rs.getLong("id"), rs.getString("name"), rs.getString("investor_uscc"),
				rs.getString("investor_name"), rs.getString("district_code"), List.of(),
				(Long) rs.getObject("planned_investment", Long.class), (Long) rs.getObject("expected_output", Long.class),
				(Integer) rs.getObject("expected_jobs", Integer.class), rs.getString("site"), source, List.of(),
				rs.getBoolean("synthetic"), Stage.valueOf(rs.getString("stage")), rs.getDate("stage_since").toLocalDate(),
				rs.getInt("version"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
	}


}

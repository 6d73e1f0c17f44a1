package dev.lantu.projects.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.projects.DistrictTotal;
import dev.lantu.projects.InvestmentTotal;
import dev.lantu.projects.PipelineBoard;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.Stage;
import dev.lantu.projects.TrackShare;

/**
 * The pipeline's aggregates, computed by the database over the filtered projects within the caller's scope (the
 * one district a district officer sees; null for all).
 */
@Repository
public class ProjectAnalytics {

	private final JdbcClient jdbc;

	ProjectAnalytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PipelineBoard.StageTotal> funnel(ProjectFilter filter, String scope) {
		ProjectRepository.Where where = ProjectRepository.where(filter, scope);
		List<PipelineBoard.StageTotal> found = jdbc
			.sql("select p.stage, count(*), coalesce(sum(p.planned_investment), 0) from project p " + where.sql()
					+ " group by p.stage")
			.params(where.params())
			.query((rs, i) -> new PipelineBoard.StageTotal(Stage.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
			.list();
		// every stage appears, in pipeline order, so an empty stage shows as an empty bar rather than vanishing
		List<PipelineBoard.StageTotal> funnel = new ArrayList<>();
		for (Stage stage : Stage.values()) {
			funnel.add(found.stream().filter(t -> t.stage() == stage).findFirst()
				.orElse(new PipelineBoard.StageTotal(stage, 0, 0)));
		}
		return funnel;
	}

	public List<PipelineBoard.StalledProject> stalled(ProjectFilter filter, String scope, LocalDate today, int limit) {
		ProjectRepository.Where where = ProjectRepository.where(filter, scope);
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>(where.params());
		for (Stage stage : Stage.values()) {
			if (!stage.closed()) {
				conditions.add("(p.stage = ? and p.stage_since < ?)");
				params.add(stage.name());
				params.add(Date.valueOf(today.minusDays(stage.stalledAfterDays())));
			}
		}
		String sql = "select p.id, p.name, p.district_code, p.stage, p.stage_since from project p "
				+ (where.sql().isEmpty() ? "where " : where.sql() + " and ") + "(" + String.join(" or ", conditions) + ")"
				+ " order by p.stage_since, p.id fetch first " + limit + " rows only";
		return jdbc.sql(sql).params(params).query((rs, i) -> {
			Stage stage = Stage.valueOf(rs.getString("stage"));
			long days = java.time.temporal.ChronoUnit.DAYS.between(rs.getDate("stage_since").toLocalDate(), today);
			return new PipelineBoard.StalledProject(rs.getLong("id"), rs.getString("name"), rs.getString("district_code"),
					stage, days, stage.stalledAfterDays());
		}).list();
	}

	/** Investment made per year, grouped by district, track or stage. */
	public List<InvestmentTotal> investment(ProjectFilter filter, String scope, String groupBy) {
		ProjectRepository.Where where = ProjectRepository.where(filter, scope);
		String group = switch (groupBy) {
			case "district" -> "p.district_code";
			case "stage" -> "p.stage";
			case "track" -> "t.track_id";
			default -> throw new IllegalArgumentException("groupBy: expected district, track or stage, found '" + groupBy + "'");
		};
		String join = groupBy.equals("track") ? " join project_track t on t.project_id = i.project_id" : "";
		// by track over all projects, the projects table has nothing to add: leave it out of the join
		String projectJoin = groupBy.equals("track") && where.sql().isEmpty() ? "" : " join project p on p.id = i.project_id";
		return jdbc.sql("select " + group + ", i.period_year, sum(i.amount), count(distinct i.project_id) from project_investment i"
				+ projectJoin + join + " " + where.sql() + " group by " + group + ", i.period_year order by 1, 2")
			.params(where.params())
			.query((rs, i) -> new InvestmentTotal(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Each project's signing date: its earliest effective entry at 签约 or beyond, found for all projects
	 * in one grouped pass (a correlated subquery per project is five times slower on PostgreSQL).
	 */
	private static final String SIGNED_PER_PROJECT = """
			select e.project_id, min(e.event_date) as signed from project_event e
			left join project_event c on c.corrects_event = e.id
			where e.kind = 'TRANSITION' and e.to_stage not in ('NEGOTIATING', 'TERMINATED') and c.id is null
			group by e.project_id""";

	/** Projects signed per year and district: an indicator derived from the pipeline itself. */
	public List<InvestmentTotal> signings(ProjectFilter filter, String scope) {
		ProjectRepository.Where where = ProjectRepository.where(filter, scope);
		String year = "cast(extract(year from s.signed) as integer)";
		return jdbc.sql("select p.district_code, " + year + ", count(*), coalesce(sum(p.planned_investment), 0)"
				+ " from project p join (" + SIGNED_PER_PROJECT + ") s on s.project_id = p.id " + where.sql()
				+ " group by p.district_code, " + year + " order by 1, 2")
			.params(where.params())
			.query((rs, i) -> new InvestmentTotal(rs.getString(1), rs.getInt(2), rs.getLong(4), rs.getLong(3)))
			.list();
	}

	public List<DistrictTotal> byDistrict(ProjectFilter filter, String scope) {
		ProjectRepository.Where where = ProjectRepository.where(filter, scope);
		return jdbc.sql("select p.district_code, count(*), coalesce(sum(p.planned_investment), 0), coalesce(sum(i.total), 0),"
				+ " sum(case when p.synthetic then 1 else 0 end) from project p"
				+ " left join (select project_id, sum(amount) as total from project_investment group by project_id) i"
				+ " on i.project_id = p.id " + where.sql() + " group by p.district_code order by 1")
			.params(where.params())
			.query((rs, i) -> new DistrictTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	/** Each track's share of the projects signed in a year (in a district, when the filter names one). */
	public List<TrackShare> trackShares(ProjectFilter filter, String scope, int year) {
		ProjectFilter signedThatYear = new ProjectFilter(filter.districtCode(), null, null, year, filter.text(),
				filter.synthetic());
		ProjectRepository.Where where = ProjectRepository.where(signedThatYear, scope);
		long of = jdbc.sql("select count(*) from project p " + where.sql()).params(where.params()).query(Long.class).single();
		return jdbc.sql("select t.track_id, count(*) from project_track t join project p on p.id = t.project_id "
				+ where.sql() + " group by t.track_id order by 2 desc, 1")
			.params(where.params())
			.query((rs, i) -> new TrackShare(rs.getString(1), rs.getLong(2), of))
			.list();
	}

}

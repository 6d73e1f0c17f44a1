package dev.lantu.projects;

import java.util.List;

/**
 * A district's (or the city's) pipeline: the funnel by stage with counts and planned investment (fen),
 * and the projects that stay in a stage longer than it should take.
 */
public record PipelineBoard(ProjectFilter filter, List<StageTotal> funnel, List<StalledProject> stalled) {

	public record StageTotal(Stage stage, long projects, long plannedInvestmentFen) {
	}

	public record StalledProject(long id, String name, String districtCode, Stage stage, long daysInStage,
			int stalledAfterDays) {
	}

}

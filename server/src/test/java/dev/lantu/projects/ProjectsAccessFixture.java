package dev.lantu.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import dev.lantu.support.AccessFixture;
import dev.lantu.support.AccessWorld;

/**
 * The projects' records for the endpoint × role matrix: a project in the district officer's district
 * ({@code ownProject}, with its first stage entry {@code ownProjectEvent}) and one in another district
 * ({@code otherProject}); a target of the officer's district ({@code ownTarget}) and one of another region
 * ({@code otherTarget}), from the dataset.
 */
public class ProjectsAccessFixture implements AccessFixture {

	@Override
	public Map<String, String> prepare(ApplicationContext context, AccessWorld world) {
		ProjectService projects = context.getBean(ProjectService.class);
		Project own = projects.create(draft("矩阵本区项目", world.ownDistrict()), "matrix");
		Project other = projects.create(draft("矩阵他区项目", world.otherDistrict()), "matrix");
		long event = projects.history(own.id()).get(0).id();
		List<TargetStatus> targets = context.getBean(TargetService.class).all(null);
		String ownTarget = targets.stream().map(t -> t.target()).filter(t -> t.regionCode().equals(world.ownDistrict()))
			.findFirst().orElseThrow().id();
		String otherTarget = targets.stream().map(t -> t.target()).filter(t -> !t.regionCode().equals(world.ownDistrict()))
			.findFirst().orElseThrow().id();
		return Map.of("ownProject", String.valueOf(own.id()), "otherProject", String.valueOf(other.id()),
				"ownProjectEvent", String.valueOf(event), "ownTarget", ownTarget, "otherTarget", otherTarget);
	}

	private static ProjectDraft draft(String name, String district) {
		return new ProjectDraft(name, null, "矩阵投资有限公司", district, List.of(), 100_000_000L, null, null, null, null,
				List.of(), false, Stage.SIGNED, LocalDate.of(2025, 2, 7), "签约仪式");
	}

}

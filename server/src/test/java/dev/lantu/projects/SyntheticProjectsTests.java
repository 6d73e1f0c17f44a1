package dev.lantu.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.lantu.LantuApplication;

/** The demo pipeline: deterministic for a seed, every project marked synthetic, made once. */
class SyntheticProjectsTests {

	private static List<String> generate(int count) {
		try (var context = new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE).run()) {
			SyntheticProjects synthetic = context.getBean(SyntheticProjects.class);
			ProjectService projects = context.getBean(ProjectService.class);
			assertThat(synthetic.generateOnce(count, 7)).isEqualTo(count);
			assertThat(synthetic.generateOnce(count, 7)).as("a second run adds nothing").isZero();
			ProjectService.Page all = projects.search(ProjectFilter.all(), 0, 500);
			assertThat(all.total()).isEqualTo(count);
			assertThat(all.projects()).allSatisfy(p -> {
				assertThat(p.synthetic()).isTrue();
				assertThat(p.name()).startsWith("（合成）");
				assertThat(p.trackIds()).isNotEmpty();
			});
			return all.projects().stream().map(p -> p.name() + " " + p.districtCode() + " " + p.stage() + " "
					+ p.plannedInvestmentFen() + " " + projects.investments(p.id()).size()).toList();
		}
	}

	@Test
	void shouldGenerateTheSamePipelineForTheSameSeed() {
		List<String> first = generate(40);
		assertThat(generate(40)).isEqualTo(first);
		assertThat(first.stream().map(p -> p.split(" ")[3]).distinct().count()).as("several stages").isGreaterThan(3);
	}

}

package dev.lantu.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.lantu.LantuApplication;
import dev.lantu.policy.PolicyCalculator;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyQuery;
import dev.lantu.policy.PolicySummary;
import dev.lantu.projects.TargetService;
import dev.lantu.projects.TargetStatus;

/** Another city's system and policies load as data alone: a fictional two-district city, no code changes. */
class AnotherCityTests {

	@Test
	void shouldLoadAndAnswerForAnotherCity() {
		String dataset = Path.of("src/test/resources/datasets/example-city").toAbsolutePath().toString();
		try (var context = new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE)
			.run("--lantu.dataset=" + dataset)) {
			AtlasService atlas = context.getBean(AtlasService.class);
			assertThat(atlas.city().name().zh()).isEqualTo("示例市");
			assertThat(atlas.districts()).extracting(Region::code).containsExactly("990101", "990102");
			Layout layout = atlas.layout(null);
			assertThat(layout.coreSegment()).isEqualTo("3");
			assertThat(layout.cell("990101", "ex.cluster.robots").hosting()).isEqualTo(Hosting.HOSTED);
			assertThat(layout.cell("990101", "ex.cluster.chips").hosting()).isEqualTo(Hosting.NOT_HOSTED);
			assertThat(layout.cell("990102", "ex.cluster.chips").hosting()).isEqualTo(Hosting.UNKNOWN);
			assertThat(layout.hostedInSegment("990101", "3").atLeast()).isEqualTo(1);
			assertThat(layout.hostedInSegment("990102", "3").atLeast()).isNull();
			assertThat(layout.gaps()).extracting(h -> h.track().track().id())
				.containsExactly("ex.cluster.chips", "ex.cluster.food");
			assertThat(atlas.ranking("output", null).entries().get(0).district().code()).isEqualTo("990101");
			assertThat(atlas.boundaries()).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
			TargetService targets = context.getBean(TargetService.class);
			// (200/100)^(1/7) - 1 = 10.41% a year gives 110.41 for 2024; 120.5 is above that path
			assertThat(targets.one("east.output.on-track").get()).satisfies(t -> {
				assertThat(t.status()).isEqualTo(TargetStatus.Status.ON_TRACK);
				assertThat(t.requiredAnnualGrowthPercent()).isEqualByComparingTo("10.41");
			});
			// (300/119)^(1/7) - 1 = 14.12% a year gives 135.80 for 2024; 120.5 is below
			assertThat(targets.one("east.output.behind").get().status()).isEqualTo(TargetStatus.Status.BEHIND);
			assertThat(targets.one("east.output.achieved").get().status()).isEqualTo(TargetStatus.Status.ACHIEVED);
			assertThat(targets.one("west.output.unknown").get().status()).isEqualTo(TargetStatus.Status.UNKNOWN);
			// its policies are data too: found by district and track, calculated with their own schema
			PolicyCatalogue policies = context.getBean(PolicyCatalogue.class);
			assertThat(policies.search(new PolicyQuery("990101", "ex.east.robots", null, null, null)))
				.extracting(PolicySummary::id).containsExactly("east-robots-rd");
			PolicyCalculator calculator = context.getBean(PolicyCalculator.class);
			// 10% of the first 500万元 of R&D and 5% of the 200万元 above
			assertThat(calculator.calculate(calculator.read(Map.of("year", 2025, "date", "2025-06-01", "profile",
					Map.of("facts", Map.of("district", "990101", "tracks", List.of("ex.east.robots")), "yearly",
							Map.of("revenue", Map.of("2024", "3000万元"), "rd_expense", Map.of("2024", "700万元")))),
					LocalDate.now())).total().text()).isEqualTo("60万元");
		}
	}

}

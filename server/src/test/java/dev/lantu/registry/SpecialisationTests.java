package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Location quotients and the strong-track rule on small examples worked by hand. */
class SpecialisationTests {

	/*
	 * Employment in three districts and two tracks:
	 *             total   robots  food
	 *   A           100       40    10
	 *   B           300       30    90
	 *   C           600       30   100
	 *   city       1000      100   200
	 * LQ(A, robots) = (40/100) / (100/1000) = 4.0   LQ(A, food) = (10/100) / (200/1000) = 0.5
	 * LQ(B, robots) = (30/300) / 0.1       = 1.0   LQ(B, food) = (90/300) / 0.2        = 1.5
	 * LQ(C, robots) = (30/600) / 0.1       = 0.5   LQ(C, food) = (100/600) / 0.2       = 0.8333…
	 */
	private static final List<String> DISTRICTS = List.of("A", "B", "C");

	private static final Map<String, Map<String, Long>> VALUES = Map.of("A", Map.of("robots", 40L, "food", 10L), "B",
			Map.of("robots", 30L, "food", 90L), "C", Map.of("robots", 30L, "food", 100L));

	private static final Map<String, Long> TOTALS = Map.of("A", 100L, "B", 300L, "C", 600L);

	private static Specialisation.Cell cell(List<Specialisation.Cell> cells, String district, String track) {
		return cells.stream().filter(c -> c.district().equals(district) && c.track().equals(track)).findFirst().orElseThrow();
	}

	@Test
	void shouldComputeLocationQuotientsAsWorkedByHand() {
		List<Specialisation.Cell> cells = Specialisation.cells(DISTRICTS, List.of("robots", "food"), VALUES, TOTALS,
				StrongTrackRule.DEFAULT);
		assertThat(cell(cells, "A", "robots").lq()).isCloseTo(4.0, within(1e-12));
		assertThat(cell(cells, "B", "robots").lq()).isCloseTo(1.0, within(1e-12));
		assertThat(cell(cells, "C", "robots").lq()).isCloseTo(0.5, within(1e-12));
		assertThat(cell(cells, "A", "food").lq()).isCloseTo(0.5, within(1e-12));
		assertThat(cell(cells, "B", "food").lq()).isCloseTo(1.5, within(1e-12));
		assertThat(cell(cells, "C", "food").lq()).isCloseTo(5.0 / 6, within(1e-12));
		assertThat(cell(cells, "A", "robots").shareOfTrack()).isCloseTo(0.4, within(1e-12));
		assertThat(cell(cells, "C", "food").rank()).isEqualTo(2);
	}

	@Test
	void shouldCallStrongOnlyTheTopQuartileAboveOneWithEnoughMass() {
		// 3 districts: the top quartile is ceil(0.75) = 1 rank
		List<Specialisation.Cell> cells = Specialisation.cells(DISTRICTS, List.of("robots", "food"), VALUES, TOTALS,
				StrongTrackRule.DEFAULT);
		assertThat(cells.stream().filter(Specialisation.Cell::strong))
			.extracting(c -> c.district() + "/" + c.track()).containsExactlyInAnyOrder("A/robots", "B/food");
		// B's robots LQ is exactly 1: not above it, even when the top half counts
		List<Specialisation.Cell> half = Specialisation.cells(DISTRICTS, List.of("robots"), VALUES, TOTALS,
				new StrongTrackRule(1.0, 0.5, 0.05));
		assertThat(cell(half, "B", "robots").rank()).isEqualTo(2);
		assertThat(cell(half, "B", "robots").strong()).isFalse();
		// with a mass of at least 45% of the track's city total, A's 40% of robots is not enough
		List<Specialisation.Cell> heavy = Specialisation.cells(DISTRICTS, List.of("robots", "food"), VALUES, TOTALS,
				new StrongTrackRule(1.0, 0.25, 0.45));
		assertThat(cell(heavy, "A", "robots").strong()).isFalse();
		assertThat(cell(heavy, "B", "food").strong()).isTrue();
	}

	@Test
	void shouldLeaveTheQuotientUnknownWhereADenominatorIsZero() {
		List<Specialisation.Cell> cells = Specialisation.cells(List.of("A", "D"), List.of("robots", "tea"),
				Map.of("A", Map.of("robots", 5L)), Map.of("A", 10L), StrongTrackRule.DEFAULT);
		assertThat(cell(cells, "D", "robots").lq()).isNull();
		assertThat(cell(cells, "A", "tea").lq()).isNull();
		assertThat(cell(cells, "A", "robots").lq()).isCloseTo(1.0, within(1e-12));
		assertThat(cells).noneMatch(Specialisation.Cell::strong);
	}

	@Test
	void shouldShareARankBetweenTiesAndRoundTheQuartileUp() {
		assertThat(StrongTrackRule.DEFAULT.topRanks(11)).isEqualTo(3);
		assertThat(StrongTrackRule.DEFAULT.topRanks(8)).isEqualTo(2);
		assertThat(StrongTrackRule.DEFAULT.topRanks(2)).isEqualTo(1);
		List<Specialisation.Cell> cells = Specialisation.cells(List.of("A", "B"), List.of("t"),
				Map.of("A", Map.of("t", 1L), "B", Map.of("t", 1L)), Map.of("A", 2L, "B", 2L), StrongTrackRule.DEFAULT);
		assertThat(cells).extracting(Specialisation.Cell::rank).containsExactly(1, 1);
	}

	@Test
	void shouldRefuseRuleParametersOutsideTheirRange() {
		assertThatThrownBy(() -> new StrongTrackRule(1, 0, 0.05)).isInstanceOf(RegistryInputException.class)
			.hasMessageContaining("topFraction");
		assertThatThrownBy(() -> new StrongTrackRule(1, 0.25, 1.5)).isInstanceOf(RegistryInputException.class)
			.hasMessageContaining("minShare");
	}

}

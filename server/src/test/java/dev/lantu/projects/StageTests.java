package dev.lantu.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every pair of stages against a table written out by hand, so the rules read as a picture. */
class StageTests {

	/** Rows: from; columns: to, in {@link Stage} order. + allowed, - refused. */
	private static final String MOVES = """
			                     NEG SIG REG CON COM PRO CAP TER
			NEGOTIATING           -   +   +   +   +   +   +   +
			SIGNED                -   -   +   +   +   +   +   +
			REGISTERED            -   -   -   +   +   +   +   +
			CONSTRUCTION_STARTED  -   -   -   -   +   +   +   +
			COMPLETED             -   -   -   -   -   +   +   +
			IN_PRODUCTION         -   -   -   -   -   -   +   +
			AT_CAPACITY           -   -   -   -   -   -   -   -
			TERMINATED            -   -   -   -   -   -   -   -
			""";

	@Test
	void shouldAllowExactlyTheMovesOfTheTable() {
		List<String> rows = MOVES.lines().skip(1).map(String::strip).toList();
		assertThat(rows).hasSize(Stage.values().length);
		for (String row : rows) {
			String[] cells = row.split("\\s+");
			Stage from = Stage.valueOf(cells[0]);
			for (Stage to : Stage.values()) {
				boolean allowed = cells[to.ordinal() + 1].equals("+");
				assertThat(from.refusalOfMoveTo(to).isEmpty()).as(from + " -> " + to).isEqualTo(allowed);
			}
		}
	}

	@Test
	void shouldExplainARefusal() {
		assertThat(Stage.COMPLETED.refusalOfMoveTo(Stage.SIGNED)).get().asString()
			.contains("does not go back", "竣工", "签约", "correct it");
		assertThat(Stage.TERMINATED.refusalOfMoveTo(Stage.AT_CAPACITY)).get().asString().contains("no stage follows");
	}

	@Test
	void shouldNameTheStagesAMovePassesWithoutADate() {
		assertThat(Stage.SIGNED.skippedOnMoveTo(Stage.CONSTRUCTION_STARTED)).containsExactly(Stage.REGISTERED);
		assertThat(Stage.SIGNED.skippedOnMoveTo(Stage.REGISTERED)).isEmpty();
		assertThat(Stage.SIGNED.skippedOnMoveTo(Stage.TERMINATED)).isEmpty();
	}

	@Test
	void shouldReadStagesInChineseAndEnglish() {
		assertThat(Stage.parse("签约")).contains(Stage.SIGNED);
		assertThat(Stage.parse(" construction_started ")).contains(Stage.CONSTRUCTION_STARTED);
		assertThat(Stage.parse("开工")).isEmpty();
	}

}

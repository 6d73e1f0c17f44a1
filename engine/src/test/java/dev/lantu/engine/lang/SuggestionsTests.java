package dev.lantu.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTests {

    @Test
    void distanceCountsEditsAndNeighbourSwaps() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("revenue", "revenue")).isZero();
        assertThat(Suggestions.distance("mni", "min")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void theClosestPlausibleCandidateWins() {
        assertThat(Suggestions.closest("rd_expens", List.of("revenue", "rd_expense", "employees")))
                .contains("rd_expense");
    }

    @Test
    void aCandidateTooFarAwayIsNotSuggested() {
        assertThat(Suggestions.closest("x", List.of("tax", "max"))).isEmpty();
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstSoMessagesAreStable() {
        assertThat(Suggestions.closest("cat", List.of("cut", "bat"))).contains("bat");
    }
}

package dev.lantu.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of a project's stage history. A {@link Kind#CORRECTION} undoes the entry it names
 * ({@code correctsEvent}), which stays in the history marked as corrected.
 */
public record ProjectEvent(long id, Kind kind, Stage fromStage, Stage toStage, LocalDate date, String evidence,
		String reason, Long correctsEvent, boolean corrected, String recordedBy, OffsetDateTime recordedAt) {

	public enum Kind {
		TRANSITION, CORRECTION
	}

}

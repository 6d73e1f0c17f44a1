package dev.lantu.registry;

import java.time.OffsetDateTime;

/**
 * A change of a yearly figure: its old value (null when it was first recorded) and its new one, in the
 * figure's stored unit (fen, a count, 0/1), who made it, when, and from what (e.g. the imported file).
 */
public record FigureChange(int year, String variable, Long oldValue, long newValue, String changedBy,
		OffsetDateTime changedAt, String source) {
}

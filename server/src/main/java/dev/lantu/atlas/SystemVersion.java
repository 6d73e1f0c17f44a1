package dev.lantu.atlas;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One stored version of a system: when it took effect and when it was loaded. */
public record SystemVersion(String id, int version, LocalDate effective, OffsetDateTime loadedAt, String fingerprint) {
}

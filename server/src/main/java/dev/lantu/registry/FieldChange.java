package dev.lantu.registry;

import java.time.OffsetDateTime;

/** A change of an enterprise's own data (name, district, industry, status, a qualification's dates…). */
public record FieldChange(String field, String oldValue, String newValue, String changedBy, OffsetDateTime changedAt,
		String source) {
}

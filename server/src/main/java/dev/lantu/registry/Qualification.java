package dev.lantu.registry;

import java.time.LocalDate;

/**
 * A qualification (资质) an enterprise holds from {@code validFrom} to {@code validUntil} (either may be
 * unknown), with its certificate number and where the registry learnt it.
 */
public record Qualification(QualificationType type, LocalDate validFrom, LocalDate validUntil, String certificate,
		String source) {

	public boolean validOn(LocalDate day) {
		return (validFrom == null || !validFrom.isAfter(day)) && (validUntil == null || !validUntil.isBefore(day));
	}

}

package dev.lantu.atlas;

import java.time.LocalDate;

import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.LocalizedText;

/**
 * A system in one line: what it is, and how much of it is known ({@code declaredTracks} is null when
 * some count is not published).
 */
public record SystemSummary(String id, int version, Scope scope, String regionCode, LocalizedText name, String code,
		LocalDate effective, Confidence confidence, Integer declaredTracks, int namedTracks, boolean fullyNamed) {

	public static SystemSummary of(IndustrialSystem system) {
		Integer declared = 0;
		if (system.segmentsUnknown() != null) {
			declared = null;
		}
		else {
			for (Segment segment : system.segments()) {
				if (!segment.hasTracks()) {
					continue;
				}
				for (Layer layer : segment.layers()) {
					if (layer.declaredCount() == null || declared == null) {
						declared = null;
					}
					else {
						declared += layer.declaredCount();
					}
				}
			}
		}
		return new SystemSummary(system.id(), system.version(), system.scope(), system.regionCode(), system.name(),
				system.code(), system.effective(), system.provenance().confidence(), declared, system.allTracks().size(),
				system.fullyNamed());
	}

}

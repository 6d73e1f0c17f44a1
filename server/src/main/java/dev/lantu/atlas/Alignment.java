package dev.lantu.atlas;

import java.util.List;

import dev.lantu.dataset.Provenance;

/**
 * How a district track relates to the city system: it aligns to one or more city tracks, it is
 * district-specific (with the reason), or its alignment is not known yet (with the reason, and the
 * city layer it would fall in when that much is known).
 */
public record Alignment(Kind kind, List<String> cityTracks, String reason, String withinLayer, Provenance provenance) {

	public enum Kind {
		ALIGNED, SPECIFIC, UNKNOWN
	}

	public Alignment {
		cityTracks = List.copyOf(cityTracks);
	}

}

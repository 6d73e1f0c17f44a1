package dev.lantu.atlas;

import dev.lantu.dataset.Provenance;

/**
 * Why a district counts as hosting a city track: one of its own tracks aligns to it
 * ({@code districtTrackId}), or a claim says so ({@code quote}).
 */
public record HostingEvidence(Kind kind, String districtTrackId, String quote, Provenance provenance) {

	public enum Kind {
		ALIGNED_TRACK, CLAIM
	}

}

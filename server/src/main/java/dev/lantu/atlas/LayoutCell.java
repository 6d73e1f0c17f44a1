package dev.lantu.atlas;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.lantu.dataset.Confidence;

/** One cell of the district × track matrix, with the evidence behind it. */
public record LayoutCell(String districtCode, String trackId, Hosting hosting, List<HostingEvidence> evidence) {

	/** A hosting is as sure as its surest evidence; null when there is none. */
	@JsonProperty("confidence")
	public Confidence confidence() {
		return evidence.stream()
			.map(e -> e.provenance().confidence())
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

}

package dev.lantu.atlas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which districts host a city track, and in which it is unknown. */
public record TrackHosts(LayoutMatrix.CityTrack track, List<String> hostedBy, List<String> unknownIn) {

	/** A gap is certain when no district is left unknown. */
	@JsonProperty("certainGap")
	public boolean certainGap() {
		return hostedBy.isEmpty() && unknownIn.isEmpty();
	}

}

package dev.lantu.atlas;

import java.util.List;

/** The layout (布局): for each district and each city track, hosted, not hosted or unknown. */
public record LayoutMatrix(String citySystemId, int citySystemVersion, List<Region> districts,
		List<CityTrack> tracks, List<LayoutCell> cells) {

	/** A city track with the top-level layer and the segment it belongs to. */
	public record CityTrack(Track track, String layerId, String topLayerId, String segmentNumber) {
	}

}

package dev.lantu.atlas;

import dev.lantu.dataset.Provenance;

/**
 * A sourced statement that a district hosts city tracks no track list names: "hosts {@code count}
 * of layer {@code layerId}", or "hosts {@code trackId}".
 */
public record HostingClaim(String districtCode, String layerId, String trackId, Integer count, String quote,
		Provenance provenance) {

	public boolean aboutLayer() {
		return layerId != null;
	}

}

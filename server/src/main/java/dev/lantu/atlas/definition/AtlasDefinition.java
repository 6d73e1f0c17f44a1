package dev.lantu.atlas.definition;

import java.util.List;
import java.util.Map;

import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Region;

/** The atlas part of a dataset as read: regions, boundaries, systems, claims and indicators. */
public record AtlasDefinition(String cityCode, List<Region> regions, Map<String, String> boundaries,
		List<SystemFile> systems, List<HostingClaim> claims, List<IndicatorDefinition> indicators,
		List<IndicatorValue> values) {

	/** A system with the file it was read from, kept so every version can be re-read and re-checked. */
	public record SystemFile(IndustrialSystem system, String file, String text) {
	}

}

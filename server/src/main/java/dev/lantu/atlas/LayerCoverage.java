package dev.lantu.atlas;

import java.util.List;

import dev.lantu.dataset.LocalizedText;

/**
 * How much of one city layer a district hosts: {@code hosted} city tracks are known through
 * alignment or claims, {@code claimedCount} is what a count claim says ("8 of the 15"), and
 * {@code unknown} named city tracks may or may not be hosted, and {@code unnamedCityTracks} are tracks
 * the city declares but has not named (null when the count itself is unknown). {@code atLeast} is the
 * larger of hosted and claimed; it is null when nothing at all is known.
 */
public record LayerCoverage(String districtCode, String layerId, LocalizedText layerName, Integer declaredCount,
		int namedTracks, int hosted, int notHosted, int unknown, Integer unnamedCityTracks, Integer claimedCount,
		List<HostingClaim> claims, Integer atLeast, boolean exact) {
}

package dev.lantu.atlas.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Region;

/**
 * Everything the atlas holds, read once per dataset load: the data is small and read far more often
 * than written, so queries run on this immutable copy.
 */
public record AtlasSnapshot(long loadId, List<Region> regions, Map<String, String> boundaries,
		List<StoredSystem> systems, List<HostingClaim> claims, List<IndicatorDefinition> indicators,
		List<IndicatorValue> values) {

	/** A system version as stored, with the file it came from. */
	public record StoredSystem(IndustrialSystem system, String sourceFile, String sourceText, String fingerprint,
			OffsetDateTime loadedAt) {
	}

	/** The version of each system in force on a date: the highest version effective on or before it. */
	public List<StoredSystem> inForce(LocalDate date) {
		return systems.stream()
			.filter(s -> !s.system().effective().isAfter(date))
			.collect(java.util.stream.Collectors.groupingBy(s -> s.system().id()))
			.values()
			.stream()
			.map(versions -> versions.stream().max(Comparator.comparingInt(s -> s.system().version())).orElseThrow())
			.sorted(Comparator.comparing((StoredSystem s) -> s.system().scope()).thenComparing(s -> s.system().regionCode()))
			.toList();
	}

	public Optional<StoredSystem> version(String id, int version) {
		return systems.stream().filter(s -> s.system().id().equals(id) && s.system().version() == version).findFirst();
	}

	public List<StoredSystem> versions(String id) {
		return systems.stream().filter(s -> s.system().id().equals(id))
			.sorted(Comparator.comparingInt(s -> s.system().version()))
			.toList();
	}

}

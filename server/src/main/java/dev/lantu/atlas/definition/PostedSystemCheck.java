package dev.lantu.atlas.definition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Track;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Position;

/**
 * The whole-atlas checks for one posted system: the same rules a dataset load applies, with the
 * loaded atlas as the rest of the dataset. A new version of a loaded system may reuse its own ids.
 */
public final class PostedSystemCheck {

	private PostedSystemCheck() {
	}

	public static void check(AtlasReader reader, DatasetReading reading, IndustrialSystem posted, String cityCode,
			Collection<Region> regions, IndustrialSystem city, List<IndustrialSystem> loaded, Set<String> sourceIds) {
		reading.checkCitations(sourceIds);
		if (posted == null) {
			return;
		}
		Map<String, Region> regionIndex = regions.stream().collect(Collectors.toMap(Region::code, Function.identity()));
		IndustrialSystem context = posted.scope() == dev.lantu.atlas.Scope.CITY ? posted : city;
		new AtlasRules(reading).checkReferences(new AtlasRules.Context(cityCode, regionIndex, context),
				reader.references(), Map.of(posted.id(), posted));
		Position where = Position.of("request body");
		for (IndustrialSystem other : loaded) {
			if (other.id().equals(posted.id())) {
				continue;
			}
			if (other.regionCode().equals(posted.regionCode())) {
				reading.problems().inconsistent(where.at("region", 0, 0), "one system per region",
						"region " + posted.regionCode() + " already has system " + other.id());
			}
			Set<String> tracks = other.allTracks().stream().map(Track::id).collect(Collectors.toSet());
			Set<String> layers = other.allLayers().map(Layer::id).collect(Collectors.toSet());
			posted.allTracks().stream().map(Track::id).filter(tracks::contains).forEach(id -> reading.problems()
				.inconsistent(where.at(id, 0, 0), "a track id not used by another system", "'" + id + "' used by " + other.id()));
			posted.allLayers().map(Layer::id).filter(layers::contains).forEach(id -> reading.problems()
				.inconsistent(where.at(id, 0, 0), "a layer id not used by another system", "'" + id + "' used by " + other.id()));
		}
	}

}

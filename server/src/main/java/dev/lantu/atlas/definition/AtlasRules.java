package dev.lantu.atlas.definition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Scope;
import dev.lantu.atlas.Track;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Position;

/**
 * The checks that need the whole atlas: regions exist and fit the scope, one city system, alignments
 * and claims point at the city system's tracks and layers, claimed counts fit the layer.
 */
final class AtlasRules {

	private final DatasetReading reading;

	AtlasRules(DatasetReading reading) {
		this.reading = reading;
	}

	/** What references are checked against: the city, its districts and its system. */
	record Context(String cityCode, Map<String, Region> regions, IndustrialSystem citySystem) {

		Set<String> cityTrackIds() {
			return citySystem == null ? Set.of()
					: citySystem.allTracks().stream().map(Track::id).collect(Collectors.toSet());
		}

		Set<String> cityLayerIds() {
			return citySystem == null ? Set.of() : citySystem.allLayers().map(Layer::id).collect(Collectors.toSet());
		}

		Set<String> districtCodes() {
			return regions.values().stream().filter(r -> r.level() == Scope.DISTRICT).map(Region::code)
				.collect(Collectors.toSet());
		}

	}

	void check(AtlasDefinition definition, List<SystemReader.Reference> references) {
		Map<String, Region> regions = new HashMap<>();
		definition.regions().forEach(r -> regions.put(r.code(), r));
		List<IndustrialSystem> citySystems = definition.systems().stream()
			.map(AtlasDefinition.SystemFile::system)
			.filter(s -> s.scope() == Scope.CITY)
			.toList();
		if (citySystems.size() != 1) {
			reading.problems().inconsistent(Position.of("systems/"), "exactly one system of scope city",
					citySystems.size() + " (" + citySystems.stream().map(IndustrialSystem::id).collect(Collectors.joining(", ")) + ")");
		}
		Map<String, String> systemByRegion = new HashMap<>();
		for (AtlasDefinition.SystemFile file : definition.systems()) {
			String other = systemByRegion.putIfAbsent(file.system().regionCode(), file.system().id());
			if (other != null) {
				reading.problems().inconsistent(Position.of(file.file()).at("region", 0, 0),
						"one system per region", "region " + file.system().regionCode() + " already has system " + other);
			}
		}
		Context context = new Context(definition.cityCode(), regions, citySystems.size() == 1 ? citySystems.get(0) : null);
		Map<String, IndustrialSystem> systems = new HashMap<>();
		definition.systems().forEach(f -> systems.put(f.system().id(), f.system()));
		checkReferences(context, references, systems);
		checkClaims(context, definition.claims());
	}

	void checkReferences(Context context, List<SystemReader.Reference> references, Map<String, IndustrialSystem> systems) {
		Set<String> cityTracks = context.cityTrackIds();
		Set<String> cityLayers = context.cityLayerIds();
		Set<String> districts = context.districtCodes();
		for (SystemReader.Reference reference : references) {
			switch (reference.kind()) {
				case "region" -> {
					IndustrialSystem system = reference.fromSystem() == null ? null : systems.get(reference.fromSystem());
					if (system != null && system.scope() == Scope.CITY) {
						if (!reference.id().equals(context.cityCode())) {
							unknown(reference, "the city's code " + context.cityCode() + " for a system of scope city",
									Set.of());
						}
					}
					else if (!districts.contains(reference.id())) {
						unknown(reference, "a district code from regions.yaml", districts);
					}
				}
				case "district" -> {
					if (!districts.contains(reference.id())) {
						unknown(reference, "a district code from regions.yaml", districts);
					}
				}
				case "city track" -> {
					if (context.citySystem() != null && !cityTracks.contains(reference.id())) {
						unknown(reference, "a track of the city system " + context.citySystem().id(), cityTracks);
					}
				}
				case "city layer" -> {
					if (context.citySystem() != null && !cityLayers.contains(reference.id())) {
						unknown(reference, "a layer of the city system " + context.citySystem().id(), cityLayers);
					}
				}
				default -> throw new IllegalStateException("unknown reference kind " + reference.kind());
			}
		}
	}

	private void unknown(SystemReader.Reference reference, String expected, Set<String> known) {
		reading.problems().inconsistent(reference.position(), expected,
				"'" + reference.id() + "'" + DatasetReading.suggestion(reference.id(), known));
	}

	private void checkClaims(Context context, List<HostingClaim> claims) {
		if (context.citySystem() == null) {
			return;
		}
		for (HostingClaim claim : claims) {
			if (claim.layerId() == null || claim.count() == null) {
				continue;
			}
			Optional<Layer> layer = context.citySystem().layer(claim.layerId());
			if (layer.isPresent() && layer.get().declaredCount() != null
					&& (claim.count() > layer.get().declaredCount() || claim.count() < 0)) {
				reading.problems().inconsistent(Position.of("claims.yaml").at(claim.districtCode() + "/" + claim.layerId(), 0, 0),
						"a count between 0 and " + layer.get().declaredCount() + " (the tracks of " + claim.layerId() + ")",
						claim.count().toString());
			}
		}
	}

}

package dev.lantu.atlas.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Scope;
import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.CsvTable;
import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Position;
import dev.lantu.dataset.Provenance;
import dev.lantu.dataset.YamlTree;

/** Reads the atlas files of a dataset (see docs/dataset-format.md) and checks them as a whole. */
public final class AtlasReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> INDICATOR_COLUMNS = List.of("region", "indicator", "year", "value", "qualifier",
			"unit_note", "confidence", "sources", "note");

	private static final Set<String> QUALIFIERS = Set.of(">", ">=", "~");

	private final DatasetReading reading;

	private final List<SystemReader.Reference> references = new ArrayList<>();

	public AtlasReader(DatasetReading reading) {
		this.reading = reading;
	}

	public AtlasDefinition read(DatasetDirectory directory) {
		Optional<YamlTree> manifest = yaml(directory, "dataset.yaml", true);
		String cityCode = manifest.map(m -> m.requiredText("city")).orElse(null);
		List<IndicatorDefinition> indicators = manifest.map(this::indicatorDefinitions).orElse(List.of());
		manifest.ifPresent(m -> m.allowOnly(List.of("id", "name", "description", "city", "indicators")));

		List<Region> regions = yaml(directory, "regions.yaml", true).map(this::regions).orElse(List.of());
		Map<String, Region> regionIndex = new LinkedHashMap<>();
		regions.forEach(r -> regionIndex.put(r.code(), r));
		if (cityCode != null && regionIndex.get(cityCode) != null && regionIndex.get(cityCode).level() != Scope.CITY) {
			reading.problems().inconsistent(Position.of("dataset.yaml").at("city", 0, 0),
					"the code of the city in regions.yaml", "'" + cityCode + "'");
		}

		Map<String, String> boundaries = directory.read("boundaries.geojson")
			.map(file -> boundaries(file.name(), file.text(), regionIndex))
			.orElse(Map.of());

		List<AtlasDefinition.SystemFile> systems = new ArrayList<>();
		for (var file : directory.list("systems", ".yaml")) {
			YamlTree.parse(file.name(), file.text(), reading.problems())
				.flatMap(root -> new SystemReader(reading, references).read(root))
				.ifPresent(system -> systems.add(new AtlasDefinition.SystemFile(system, file.name(), file.text())));
		}
		if (systems.isEmpty()) {
			reading.problems().inconsistent(Position.of("systems/"), "at least one system definition (*.yaml)",
					"none");
		}

		List<HostingClaim> claims = yaml(directory, "claims.yaml", false).map(this::claims).orElse(List.of());
		List<IndicatorValue> values = directory.read("indicators.csv")
			.map(file -> indicatorValues(file.name(), file.text(), regionIndex, indicators))
			.orElse(List.of());

		AtlasDefinition definition = new AtlasDefinition(cityCode, regions, boundaries, systems, claims, indicators,
				values);
		new AtlasRules(reading).check(definition, references);
		return definition;
	}

	/** Reads one posted system definition, checked against the atlas that is loaded. */
	public Optional<IndustrialSystem> readSystem(String file, String text) {
		return YamlTree.parse(file, text, reading.problems())
			.flatMap(root -> new SystemReader(reading, references).read(root));
	}

	List<SystemReader.Reference> references() {
		return references;
	}

	private Optional<YamlTree> yaml(DatasetDirectory directory, String name, boolean required) {
		var file = directory.read(name);
		if (file.isEmpty()) {
			if (required) {
				reading.problems().inconsistent(Position.of(name), "the file " + name, "no such file");
			}
			return Optional.empty();
		}
		return YamlTree.parse(name, file.get().text(), reading.problems());
	}

	private List<IndicatorDefinition> indicatorDefinitions(YamlTree manifest) {
		List<IndicatorDefinition> definitions = new ArrayList<>();
		for (YamlTree node : manifest.list("indicators")) {
			node.allowOnly(List.of("id", "name", "unit"));
			String id = node.requiredText("id");
			LocalizedText name = node.localized("name", true);
			LocalizedText unit = node.localized("unit", false);
			if (id != null && name != null && reading.declare("indicator", id, node.position())) {
				definitions.add(new IndicatorDefinition(id, name, unit));
			}
		}
		return definitions;
	}

	private List<Region> regions(YamlTree root) {
		root.allowOnly(List.of("city", "districts"));
		List<Region> regions = new ArrayList<>();
		String cityCode = root.required("city").map(city -> {
			city.allowOnly(List.of("code", "name", "note"));
			return region(city, Scope.CITY, null).map(r -> {
				regions.add(r);
				return r.code();
			}).orElse(null);
		}).orElse(null);
		for (YamlTree district : root.list("districts")) {
			district.allowOnly(List.of("code", "name", "note"));
			region(district, Scope.DISTRICT, cityCode).ifPresent(regions::add);
		}
		if (regions.stream().noneMatch(r -> r.level() == Scope.DISTRICT)) {
			reading.problems().inconsistent(root.position(), "districts: a list of the city's districts", "none");
		}
		return regions;
	}

	private Optional<Region> region(YamlTree node, Scope level, String parent) {
		String code = node.requiredText("code");
		LocalizedText name = node.localized("name", true);
		if (code != null && !code.matches("\\d{6}")) {
			reading.problems().inconsistent(node.child("code").get().position(), "a six-digit GB/T 2260 code",
					"'" + code + "'");
			return Optional.empty();
		}
		if (code == null || name == null || !reading.declare("region", code, node.position())) {
			return Optional.empty();
		}
		return Optional.of(new Region(code, level, parent, name, node.text("note")));
	}

	private Map<String, String> boundaries(String file, String text, Map<String, Region> regions) {
		Map<String, String> byCode = new LinkedHashMap<>();
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			reading.problems().inconsistent(location == null ? Position.of(file)
					: new Position(file, location.getLineNr(), location.getColumnNr(), ""), "well-formed GeoJSON",
					e.getOriginalMessage());
			return byCode;
		}
		JsonNode features = root.path("features");
		if (!"FeatureCollection".equals(root.path("type").asString(null)) || !features.isArray()) {
			reading.problems().inconsistent(Position.of(file), "a GeoJSON FeatureCollection", "something else");
			return byCode;
		}
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			String code = feature.path("properties").path("code").asString(null);
			Position where = Position.of(file).at("features[" + i + "].properties.code", 0, 0);
			if (code == null) {
				reading.problems().inconsistent(where, "the GB/T 2260 code of the district", "nothing");
			}
			else if (!regions.containsKey(code)) {
				reading.problems().inconsistent(where, "a district code from regions.yaml", "'" + code + "'");
			}
			else if (!feature.path("geometry").isObject()) {
				reading.problems().inconsistent(where.at("features[" + i + "].geometry", 0, 0), "a geometry", "nothing");
			}
			else {
				byCode.put(code, JSON.writeValueAsString(feature));
			}
		}
		for (Region region : regions.values()) {
			if (region.level() == Scope.DISTRICT && !byCode.containsKey(region.code())) {
				reading.problems().incomplete(Position.of(file), "a boundary for " + region.code() + " " + region.name().zh(),
						"none; the map cannot draw this district");
			}
		}
		return byCode;
	}

	private List<HostingClaim> claims(YamlTree root) {
		root.allowOnly(List.of("claims"));
		List<HostingClaim> claims = new ArrayList<>();
		List<String> keys = new ArrayList<>(List.of("district", "layer", "track", "count", "quote"));
		keys.addAll(DatasetReading.provenanceKeys());
		for (YamlTree node : root.list("claims")) {
			node.allowOnly(keys);
			String district = node.requiredText("district");
			String layer = node.text("layer");
			String track = node.text("track");
			Integer count = node.integer("count");
			Provenance provenance = reading.provenance(node, null);
			if ((layer == null) == (track == null)) {
				reading.problems().inconsistent(node.position(), "either layer (with count) or track", 
						layer == null ? "neither" : "both");
				continue;
			}
			if (layer != null && count == null) {
				reading.problems().inconsistent(node.position(), "count: how many tracks of layer " + layer
						+ " the district hosts", "nothing");
				continue;
			}
			if (track != null && count != null) {
				reading.problems().inconsistent(node.child("count").get().position(), "no count on a track claim",
						count.toString());
			}
			if (district == null) {
				continue;
			}
			references.add(new SystemReader.Reference("district", district, node.child("district").get().position(), null));
			if (layer != null) {
				references.add(new SystemReader.Reference("city layer", layer, node.child("layer").get().position(), null));
			}
			else {
				references.add(new SystemReader.Reference("city track", track, node.child("track").get().position(), null));
			}
			if (reading.declare("claim", district + "/" + (layer != null ? layer : track), node.position())) {
				claims.add(new HostingClaim(district, layer, track, count, node.text("quote"), provenance));
			}
		}
		return claims;
	}

	private List<IndicatorValue> indicatorValues(String file, String text, Map<String, Region> regions,
			List<IndicatorDefinition> definitions) {
		Set<String> indicatorIds = new HashSet<>();
		definitions.forEach(d -> indicatorIds.add(d.id()));
		List<IndicatorValue> values = new ArrayList<>();
		var table = CsvTable.parse(file, text, INDICATOR_COLUMNS, reading.problems());
		if (table.isEmpty()) {
			return values;
		}
		for (CsvTable.Row row : table.get().rows()) {
			String region = row.get("region");
			String indicator = row.get("indicator");
			Integer year = null;
			boolean ok = true;
			if (region == null || !regions.containsKey(region)) {
				reading.problems().inconsistent(row.position("region"), "a region code from regions.yaml",
						region == null ? "nothing" : "'" + region + "'" + DatasetReading.suggestion(region, regions.keySet()));
				ok = false;
			}
			if (indicator == null || !indicatorIds.contains(indicator)) {
				reading.problems().inconsistent(row.position("indicator"), "an indicator id from dataset.yaml",
						indicator == null ? "nothing" : "'" + indicator + "'" + DatasetReading.suggestion(indicator, indicatorIds));
				ok = false;
			}
			String yearText = row.get("year");
			if (yearText == null || !yearText.matches("\\d{4}")) {
				reading.problems().inconsistent(row.position("year"), "a year of four digits",
						yearText == null ? "nothing" : "'" + yearText + "'");
				ok = false;
			}
			else {
				year = Integer.valueOf(yearText);
			}
			BigDecimal value = null;
			String valueText = row.get("value");
			if (valueText != null) {
				try {
					value = new BigDecimal(valueText);
				}
				catch (NumberFormatException e) {
					reading.problems().inconsistent(row.position("value"), "a decimal number as published, or nothing when unknown",
							"'" + valueText + "'");
					ok = false;
				}
			}
			String qualifier = row.get("qualifier");
			if (qualifier != null && !QUALIFIERS.contains(qualifier)) {
				reading.problems().inconsistent(row.position("qualifier"), "nothing, >, >= or ~", "'" + qualifier + "'");
				ok = false;
			}
			List<String> sources = row.get("sources") == null ? List.of() : List.of(row.get("sources").split("[\\s;]+"));
			sources.forEach(id -> reading.cite(id, row.position("sources")));
			Confidence confidence = null;
			if (row.get("confidence") != null) {
				confidence = Confidence.parse(row.get("confidence")).orElse(null);
				if (confidence == null) {
					reading.problems().inconsistent(row.position("confidence"), "high, medium or low",
							"'" + row.get("confidence") + "'");
					ok = false;
				}
			}
			if (value != null && (sources.isEmpty() || confidence == null)) {
				reading.problems().inconsistent(row.position(sources.isEmpty() ? "sources" : "confidence"),
						"sources and confidence for a known value", "nothing");
				ok = false;
			}
			if (value == null && ok) {
				reading.problems().incomplete(row.position("value"),
						"the value of " + indicator + " for " + region + " in " + year,
						"unknown" + (row.get("note") == null ? "" : ": " + row.get("note")));
			}
			if (ok && reading.declare("indicator value", region + "/" + indicator + "/" + year, row.position("region"))) {
				values.add(new IndicatorValue(region, indicator, year, value, qualifier,
						new Provenance(sources, confidence, "true".equalsIgnoreCase(row.get("inferred")), row.get("note"))));
			}
		}
		return values;
	}

}

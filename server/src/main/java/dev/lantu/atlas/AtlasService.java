package dev.lantu.atlas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.lantu.atlas.definition.AtlasReader;
import dev.lantu.atlas.definition.PostedSystemCheck;
import dev.lantu.atlas.store.AtlasSnapshot;
import dev.lantu.atlas.store.AtlasStore;
import dev.lantu.dataset.DatasetReading;

/**
 * The atlas's public API: regions and their boundaries, systems by date and version, the layout and
 * what follows from it (hosting, coverage, overlaps, gaps), indicators and rankings, and validation of
 * a posted system definition. Dates select the system versions in force; null means today.
 */
@Service
public class AtlasService {

	private final AtlasStore store;

	/** Layouts of the current snapshot by date: a layout is a pure function of both, and pages ask often. */
	private volatile LayoutCache layouts = new LayoutCache(-1, new ConcurrentHashMap<>());

	private static final int MAX_CACHED_LAYOUTS = 64;

	private record LayoutCache(long loadId, Map<LocalDate, Layout> byDate) {
	}

	AtlasService(AtlasStore store) {
		this.store = store;
	}

	private AtlasSnapshot snapshot() {
		return store.current();
	}

	private static LocalDate orToday(LocalDate date) {
		return date == null ? LocalDate.now() : date;
	}

	public Region city() {
		return snapshot().regions().stream().filter(r -> r.level() == Scope.CITY).findFirst()
			.orElseThrow(() -> new IllegalStateException("no dataset is loaded"));
	}

	public List<Region> districts() {
		return snapshot().regions().stream().filter(r -> r.level() == Scope.DISTRICT).toList();
	}

	public Region district(String code) {
		return districts().stream().filter(r -> r.code().equals(code)).findFirst()
			.orElseThrow(() -> new NotInAtlasException("district", code,
					"a GB/T 2260 district code, one of " + districts().stream().map(Region::code).collect(Collectors.joining(", "))));
	}

	public Optional<String> boundary(String districtCode) {
		return Optional.ofNullable(snapshot().boundaries().get(district(districtCode).code()));
	}

	/** The districts' boundaries as one GeoJSON FeatureCollection. */
	public String boundaries() {
		String features = districts().stream()
			.map(d -> snapshot().boundaries().get(d.code()))
			.filter(b -> b != null)
			.collect(Collectors.joining(","));
		return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
	}

	public List<SystemSummary> systems(LocalDate asOf) {
		return snapshot().inForce(orToday(asOf)).stream().map(s -> SystemSummary.of(s.system())).toList();
	}

	public IndustrialSystem system(String id, LocalDate asOf) {
		return snapshot().inForce(orToday(asOf)).stream()
			.map(AtlasSnapshot.StoredSystem::system)
			.filter(s -> s.id().equals(id))
			.findFirst()
			.orElseThrow(() -> unknownSystem(id, asOf));
	}

	public IndustrialSystem system(String id, int version) {
		return snapshot().version(id, version).map(AtlasSnapshot.StoredSystem::system)
			.orElseThrow(() -> new NotInAtlasException("version", id + " v" + version,
					"one of the versions " + versions(id).stream().map(v -> String.valueOf(v.version()))
						.collect(Collectors.joining(", "))));
	}

	private NotInAtlasException unknownSystem(String id, LocalDate asOf) {
		boolean exists = snapshot().systems().stream().anyMatch(s -> s.system().id().equals(id));
		if (exists) {
			return new NotInAtlasException("date", String.valueOf(asOf), "a date on or after the system's first effective date");
		}
		return new NotInAtlasException("system", id, "one of " + snapshot().systems().stream()
			.map(s -> s.system().id()).distinct().collect(Collectors.joining(", ")));
	}

	public List<SystemVersion> versions(String id) {
		List<SystemVersion> versions = snapshot().versions(id).stream()
			.map(s -> new SystemVersion(s.system().id(), s.system().version(), s.system().effective(), s.loadedAt(),
					s.fingerprint()))
			.toList();
		if (versions.isEmpty()) {
			throw unknownSystem(id, null);
		}
		return versions;
	}

	/** The stored source text of a system version, as it was loaded. */
	public String definitionText(String id, int version) {
		return snapshot().version(id, version).map(AtlasSnapshot.StoredSystem::sourceText)
			.orElseThrow(() -> unknownSystem(id, null));
	}

	/** The district's own system in force on the date, if it has published one. */
	public Optional<IndustrialSystem> systemOf(String regionCode, LocalDate asOf) {
		return snapshot().inForce(orToday(asOf)).stream()
			.map(AtlasSnapshot.StoredSystem::system)
			.filter(s -> s.regionCode().equals(regionCode))
			.findFirst();
	}

	public IndustrialSystem citySystem(LocalDate asOf) {
		return systemOf(city().code(), asOf)
			.orElseThrow(() -> new NotInAtlasException("date", String.valueOf(asOf), "a date when the city system was in force"));
	}

	public Layout layout(LocalDate asOf) {
		LocalDate date = orToday(asOf);
		long loadId = snapshot().loadId();
		LayoutCache cache = layouts;
		if (cache.loadId() != loadId) {
			cache = new LayoutCache(loadId, new ConcurrentHashMap<>());
			layouts = cache;
		}
		Layout cached = cache.byDate().get(date);
		if (cached != null) {
			return cached;
		}
		Layout layout = computeLayout(date);
		if (cache.byDate().size() < MAX_CACHED_LAYOUTS) {
			// bounded, since any date can be asked for
			cache.byDate().putIfAbsent(date, layout);
		}
		return layout;
	}

	private Layout computeLayout(LocalDate asOf) {
		List<Region> districts = districts();
		Map<String, IndustrialSystem> systems = new HashMap<>();
		for (Region district : districts) {
			systemOf(district.code(), asOf).ifPresent(s -> systems.put(district.code(), s));
		}
		return new Layout(citySystem(asOf), districts, systems, snapshot().claims());
	}

	public TrackHosts hosts(String cityTrackId, LocalDate asOf) {
		Layout layout = layout(asOf);
		return layout.tracks().stream()
			.filter(t -> t.track().id().equals(cityTrackId))
			.findFirst()
			.map(layout::hosts)
			.orElseThrow(() -> new NotInAtlasException("track", cityTrackId, "a track id of the city system "
					+ layout.city().id() + DatasetReading.suggestion(cityTrackId,
							layout.tracks().stream().map(t -> t.track().id()).collect(Collectors.toSet()))));
	}

	public List<LayerCoverage> coverage(String districtCode, LocalDate asOf) {
		return layout(asOf).coverage(district(districtCode).code());
	}

	public List<HostingClaim> claims(String districtCode) {
		return snapshot().claims().stream().filter(c -> c.districtCode().equals(districtCode)).toList();
	}

	public List<IndicatorDefinition> indicatorDefinitions() {
		return snapshot().indicators();
	}

	public IndicatorDefinition indicator(String id) {
		return snapshot().indicators().stream().filter(i -> i.id().equals(id)).findFirst()
			.orElseThrow(() -> new NotInAtlasException("indicator", id, "one of " + snapshot().indicators().stream()
				.map(IndicatorDefinition::id).collect(Collectors.joining(", "))));
	}

	/** A region's indicator values with their definitions: in the dataset's order of indicators, latest year first. */
	public List<IndicatorReading> readings(String regionCode) {
		List<IndicatorDefinition> definitions = indicatorDefinitions();
		Map<String, IndicatorDefinition> byId = new HashMap<>();
		definitions.forEach(d -> byId.put(d.id(), d));
		return indicators(regionCode).stream()
			.filter(v -> byId.containsKey(v.indicator()))
			.sorted(Comparator.comparingInt((IndicatorValue v) -> definitions.indexOf(byId.get(v.indicator())))
				.thenComparing(IndicatorValue::year, Comparator.reverseOrder()))
			.map(v -> new IndicatorReading(byId.get(v.indicator()), v))
			.toList();
	}

	public List<IndicatorValue> indicators(String regionCode) {
		return snapshot().values().stream().filter(v -> v.regionCode().equals(regionCode)).toList();
	}

	/**
	 * Districts by an indicator in a year, highest first. Without a year: the year in which most districts
	 * have a known value, the latest of those on a tie, since a ranking of the one district that already
	 * published a newer figure tells little. An indicator nobody has a value for ranks every district as unknown.
	 */
	public Ranking ranking(String indicatorId, Integer year) {
		IndicatorDefinition indicator = indicator(indicatorId);
		List<IndicatorValue> values = snapshot().values().stream().filter(v -> v.indicator().equals(indicatorId)).toList();
		Integer chosenYear = year != null ? year
				: values.stream().filter(IndicatorValue::known)
					.filter(v -> !v.regionCode().equals(city().code()))
					.collect(Collectors.groupingBy(IndicatorValue::year, Collectors.counting()))
					.entrySet().stream()
					.max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
					.map(Map.Entry::getKey)
					.orElse(null);
		Map<String, IndicatorValue> byDistrict = values.stream().filter(v -> chosenYear != null && v.year() == chosenYear)
			.collect(Collectors.toMap(IndicatorValue::regionCode, v -> v));
		List<Region> districts = districts();
		List<Region> known = districts.stream()
			.filter(d -> byDistrict.containsKey(d.code()) && byDistrict.get(d.code()).known())
			.sorted(Comparator.comparing((Region d) -> byDistrict.get(d.code()).value()).reversed())
			.toList();
		List<Ranking.Entry> entries = new ArrayList<>();
		for (int i = 0; i < known.size(); i++) {
			Region district = known.get(i);
			IndicatorValue value = byDistrict.get(district.code());
			boolean tie = i > 0 && value.value().compareTo(byDistrict.get(known.get(i - 1).code()).value()) == 0;
			entries.add(new Ranking.Entry(tie ? entries.get(i - 1).rank() : i + 1, district, value));
		}
		districts.stream().filter(d -> !known.contains(d))
			.forEach(d -> entries.add(new Ranking.Entry(null, d, byDistrict.get(d.code()))));
		return new Ranking(indicator, chosenYear, entries);
	}

	/**
	 * Checks a posted system definition (YAML or JSON) against the loaded atlas: its regions, the city
	 * system's tracks and layers, the source catalogue. Nothing is stored.
	 */
	public ValidationReport validate(String text, Set<String> sourceIds) {
		DatasetReading reading = new DatasetReading();
		AtlasSnapshot snapshot = snapshot();
		AtlasReader reader = new AtlasReader(reading);
		Optional<IndustrialSystem> system = reader.readSystem("request body", text);
		IndustrialSystem city = snapshot.inForce(LocalDate.now()).stream()
			.map(AtlasSnapshot.StoredSystem::system)
			.filter(s -> s.scope() == Scope.CITY)
			.findFirst()
			.orElse(null);
		PostedSystemCheck.check(reader, reading, system.orElse(null), city().code(),
				snapshot.regions(), city, snapshot.systems().stream().map(AtlasSnapshot.StoredSystem::system).toList(),
				sourceIds);
		return new ValidationReport(!reading.problems().hasInconsistencies(), reading.problems().inconsistent(),
				reading.problems().incomplete());
	}

}

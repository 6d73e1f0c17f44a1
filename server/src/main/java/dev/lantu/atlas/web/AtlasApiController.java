package dev.lantu.atlas.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.LayerCoverage;
import dev.lantu.atlas.Layout;
import dev.lantu.atlas.LayoutMatrix;
import dev.lantu.atlas.Ranking;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.SystemSummary;
import dev.lantu.atlas.SystemVersion;
import dev.lantu.atlas.TrackHosts;
import dev.lantu.atlas.ValidationReport;
import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourceCatalogue;

/** The atlas over REST: districts, systems, the layout and what follows from it, indicators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "atlas", description = "Industrial systems, the layout map, districts and their indicators")
class AtlasApiController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final AtlasService atlas;

	private final SourceCatalogue sources;

	AtlasApiController(AtlasService atlas, SourceCatalogue sources) {
		this.atlas = atlas;
		this.sources = sources;
	}

	/** A district with its system in force and its indicators. */
	record DistrictView(String code, String nameZh, String nameEn, String note, SystemSummary system,
			List<IndicatorValue> indicators) {
	}

	/** One district in full: its boundary (GeoJSON Feature), system, coverage of every city layer, claims. */
	record DistrictDetail(String code, String nameZh, String nameEn, String note, SystemSummary system,
			List<IndicatorValue> indicators, List<LayerCoverage> coverage, List<HostingClaim> claims,
			@JsonRawValue String boundary) {
	}

	private DistrictView view(Region district, LocalDate date) {
		return new DistrictView(district.code(), district.name().zh(), district.name().en(), district.note(),
				atlas.systemOf(district.code(), date).map(SystemSummary::of).orElse(null),
				atlas.indicators(district.code()));
	}

	@GetMapping("/districts")
	@Operation(summary = "The city's districts (GB/T 2260) with their system in force and indicators")
	List<DistrictView> districts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return atlas.districts().stream().map(d -> view(d, date)).toList();
	}

	@GetMapping(path = "/districts/boundaries", produces = "application/geo+json")
	@Operation(summary = "All district boundaries as one GeoJSON FeatureCollection (properties.code is the GB/T 2260 code)")
	ResponseEntity<String> boundaries() {
		return ResponseEntity.ok().contentType(GEO_JSON).body(atlas.boundaries());
	}

	@GetMapping("/districts/{code}")
	@Operation(summary = "One district: boundary, system, indicators, coverage of each city layer, claims")
	DistrictDetail district(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		Region district = atlas.district(code);
		DistrictView view = view(district, date);
		return new DistrictDetail(view.code(), view.nameZh(), view.nameEn(), view.note(), view.system(),
				view.indicators(), atlas.coverage(code, date), atlas.claims(code), atlas.boundary(code).orElse(null));
	}

	@GetMapping(path = "/districts/{code}/boundary", produces = "application/geo+json")
	@Operation(summary = "A district's boundary as a GeoJSON Feature")
	ResponseEntity<String> boundary(@PathVariable String code) {
		return atlas.boundary(code).map(b -> ResponseEntity.ok().contentType(GEO_JSON).body(b))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/districts/{code}/coverage")
	@Operation(summary = "How much of each city layer a district hosts: known hosting and claims counted apart")
	List<LayerCoverage> coverage(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return atlas.coverage(code, date);
	}

	@GetMapping("/systems")
	@Operation(summary = "The systems in force on a date (today by default)")
	List<SystemSummary> systems(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return atlas.systems(date);
	}

	@GetMapping("/systems/{id}")
	@Operation(summary = "One system: the version in force on a date, or a given version")
	IndustrialSystem system(@PathVariable String id,
			@Parameter(description = "the version in force on this date; today by default")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Integer version) {
		return version != null ? atlas.system(id, version) : atlas.system(id, date);
	}

	@GetMapping("/systems/{id}/versions")
	@Operation(summary = "Every stored version of a system")
	List<SystemVersion> versions(@PathVariable String id) {
		return atlas.versions(id);
	}

	@PostMapping(path = "/systems/validate",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE,
					MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Check a system definition (YAML or JSON, docs/dataset-format.md) against the loaded atlas; nothing is stored")
	ValidationReport validate(@RequestBody(required = false) String definition) {
		if (definition == null || definition.isBlank()) {
			throw new IllegalArgumentException("the request body: expected a system definition (YAML or JSON, "
					+ "see docs/dataset-format.md), found nothing");
		}
		Set<String> sourceIds = sources.all().stream().map(Source::id).collect(Collectors.toSet());
		return atlas.validate(definition, sourceIds);
	}

	@GetMapping("/layout")
	@Operation(summary = "The district × city-track matrix: hosted, not hosted or unknown, with evidence")
	LayoutMatrix layout(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return atlas.layout(date).matrix();
	}

	/** How many core tracks each district hosts at least: what the map shades. Null is unknown. */
	record MapValue(String code, String nameZh, String nameEn, Integer hosted, boolean exact, String systemCode) {
	}

	record LayoutMap(String segment, Integer segmentCount, List<MapValue> districts) {
	}

	@GetMapping("/layout/map")
	@Operation(summary = "Per district, how many tracks of a city segment it hosts at least (the core segment by default)")
	LayoutMap layoutMap(@RequestParam(required = false) String segment,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		Layout layout = atlas.layout(date);
		String chosen = segment != null ? segment : layout.coreSegment();
		List<MapValue> values = atlas.districts().stream().map(d -> {
			Layout.SegmentHosting hosting = layout.hostedInSegment(d.code(), chosen);
			return new MapValue(d.code(), d.name().zh(), d.name().en(), hosting.atLeast(), hosting.exact(),
					atlas.systemOf(d.code(), date).map(IndustrialSystem::code).orElse(null));
		}).toList();
		Integer count = layout.city().segments().stream().filter(s -> s.number().equals(chosen)).findFirst()
			.map(s -> s.declaredCount()).orElse(null);
		return new LayoutMap(chosen, count, values);
	}

	@GetMapping("/tracks/{id}/hosts")
	@Operation(summary = "The districts hosting a city track, and those where it is unknown")
	TrackHosts hosts(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return atlas.hosts(id, date);
	}

	@GetMapping("/layout/overlaps")
	@Operation(summary = "City tracks hosted by at least k districts (同质化), most contested first")
	List<TrackHosts> overlaps(@RequestParam(defaultValue = "2") int min,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		if (min < 1) {
			throw new IllegalArgumentException("min must be at least 1, found " + min);
		}
		return atlas.layout(date).overlaps(min);
	}

	@GetMapping("/layout/gaps")
	@Operation(summary = "City tracks no district is known to host; certainGap is false where some district is unknown")
	List<TrackHosts> gaps(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return atlas.layout(date).gaps();
	}

	@GetMapping("/indicators")
	@Operation(summary = "The indicators the dataset records")
	List<IndicatorDefinition> indicators() {
		return atlas.indicatorDefinitions();
	}

	@GetMapping("/rankings/{indicator}")
	@Operation(summary = "Districts ranked by an indicator in a year (the latest known year by default); unknown values last")
	Ranking ranking(@PathVariable String indicator, @RequestParam(required = false) Integer year) {
		return atlas.ranking(indicator, year);
	}

	@GetMapping("/sources")
	@Operation(summary = "The source catalogue every fact cites")
	List<Source> sources() {
		return sources.all();
	}

}

package dev.lantu.atlas.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Hosting;
import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.HostingEvidence;
import dev.lantu.atlas.IndicatorReading;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.LayerCoverage;
import dev.lantu.atlas.Layout;
import dev.lantu.atlas.LayoutCell;
import dev.lantu.atlas.LayoutMatrix;
import dev.lantu.atlas.NotInAtlasException;
import dev.lantu.atlas.Principle;
import dev.lantu.atlas.Ranking;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Segment;
import dev.lantu.atlas.SystemSummary;
import dev.lantu.atlas.Track;
import dev.lantu.atlas.TrackHosts;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;
import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourceCatalogue;

/**
 * The atlas's pages: the layout map (布局图), a district, a system, the layout matrix with its overlaps
 * and gaps, a city track's hosts, and the rankings. The map itself is drawn in the browser from the REST
 * API; everything else is rendered here, so each page reads without JavaScript.
 */
@Controller
class AtlasPages {

	private final AtlasService atlas;

	private final SourceCatalogue sources;

	private final MessageSource messages;

	AtlasPages(AtlasService atlas, SourceCatalogue sources, MessageSource messages) {
		this.atlas = atlas;
		this.sources = sources;
		this.messages = messages;
	}

	// 布局图 ------------------------------------------------------------------------------------------

	/** A district on the map: how many tracks of the core segment it hosts at least; null is unknown. */
	record MapRow(Region district, String systemCode, Integer hosted, boolean exact) {
	}

	/**
	 * A sourced statement worth a line under the map: a layer claim ("8 of the 15") or the tracks one
	 * quote names.
	 */
	record KeyFact(Region district, String layerId, Integer layerCount, Integer count, List<String> trackIds,
			String quote, Provenance provenance) {

		public boolean wholeLayer() {
			return layerId != null && Objects.equals(layerCount, count);
		}

	}

	@GetMapping("/")
	String map(Model model) {
		Layout layout = atlas.layout(null);
		IndustrialSystem city = layout.city();
		Segment core = city.segments().stream().filter(s -> s.number().equals(layout.coreSegment())).findFirst()
			.orElse(null);
		List<MapRow> rows = atlas.districts().stream().map(d -> mapRow(layout, core, d)).toList();
		List<KeyFact> facts = keyFacts(city);
		Citations citations = new Citations();
		citations.add(city.provenance());
		facts.forEach(f -> citations.add(f.provenance()));
		model.addAttribute("city", atlas.city());
		model.addAttribute("system", city);
		model.addAttribute("core", core);
		model.addAttribute("rows", rows);
		model.addAttribute("facts", facts);
		model.addAttribute("names", CityIndex.of(city));
		model.addAttribute("sources", citations.sources());
		return "atlas/map";
	}

	/** As the REST API's /layout/map shades it. */
	private MapRow mapRow(Layout layout, Segment core, Region district) {
		String systemCode = atlas.systemOf(district.code(), null).map(IndustrialSystem::code).orElse(null);
		if (core == null) {
			return new MapRow(district, systemCode, null, false);
		}
		Layout.SegmentHosting hosting = layout.hostedInSegment(district.code(), core.number());
		return new MapRow(district, systemCode, hosting.atLeast(), hosting.exact());
	}

	private List<KeyFact> keyFacts(IndustrialSystem city) {
		List<KeyFact> facts = new ArrayList<>();
		for (Region district : atlas.districts()) {
			Map<String, List<HostingClaim>> byQuote = atlas.claims(district.code()).stream()
				.filter(c -> c.quote() != null && !c.quote().isBlank())
				.collect(Collectors.groupingBy(HostingClaim::quote, LinkedHashMap::new, Collectors.toList()));
			byQuote.forEach((quote, claims) -> {
				HostingClaim first = claims.get(0);
				if (first.aboutLayer()) {
					Integer layerCount = city.layer(first.layerId()).map(Layer::declaredCount).orElse(null);
					facts.add(new KeyFact(district, first.layerId(), layerCount, first.count(), List.of(), quote,
							first.provenance()));
				}
				else {
					facts.add(new KeyFact(district, null, null, null,
							claims.stream().map(HostingClaim::trackId).filter(Objects::nonNull).toList(), quote,
							first.provenance()));
				}
			});
		}
		return facts;
	}

	// 区 ---------------------------------------------------------------------------------------------

	@GetMapping("/districts/{code}")
	String district(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		Region district = atlas.district(code);
		Optional<IndustrialSystem> system = atlas.systemOf(code, date);
		IndustrialSystem city = atlas.citySystem(date);
		List<LayerCoverage> coverage = atlas.coverage(code, date);
		List<HostingClaim> claims = atlas.claims(code);
		List<IndicatorReading> indicators = atlas.readings(code);

		Citations citations = new Citations();
		system.ifPresent(citations::add);
		claims.forEach(c -> citations.add(c.provenance()));
		indicators.forEach(i -> citations.add(i.value().provenance()));

		model.addAttribute("district", district);
		model.addAttribute("system", system.orElse(null));
		model.addAttribute("citySystem", city);
		model.addAttribute("names", CityIndex.of(city));
		model.addAttribute("coverage", coverage);
		model.addAttribute("claims", claims);
		model.addAttribute("indicators", indicators);
		model.addAttribute("sources", citations.sources());
		model.addAttribute("date", date);
		return "atlas/district";
	}


	// 产业体系 ---------------------------------------------------------------------------------------

	@GetMapping("/systems")
	String systems(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		List<SystemSummary> systems = atlas.systems(date).stream()
			.sorted(Comparator.comparing((SystemSummary s) -> s.scope().ordinal()).thenComparing(SystemSummary::regionCode))
			.toList();
		model.addAttribute("systems", systems);
		model.addAttribute("regions", regions());
		model.addAttribute("date", date);
		return "atlas/systems";
	}

	@GetMapping("/systems/{id}")
	String system(@PathVariable String id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model,
			Locale locale) {
		IndustrialSystem system = version != null ? atlas.system(id, version) : atlas.system(id, date);
		Citations citations = new Citations();
		citations.add(system);
		model.addAttribute("system", system);
		model.addAttribute("versions", atlas.versions(id));
		model.addAttribute("region", regions().get(system.regionCode()));
		model.addAttribute("tree", tree(system, locale));
		model.addAttribute("names", CityIndex.of(atlas.citySystem(date == null ? system.effective() : date)));
		model.addAttribute("sources", citations.sources());
		model.addAttribute("date", date);
		model.addAttribute("version", version);
		return "atlas/system";
	}

	/** The system as nested maps for the ECharts tree series: {name, children}. */
	private Map<String, Object> tree(IndustrialSystem system, Locale locale) {
		List<Map<String, Object>> segments = new ArrayList<>();
		for (Segment segment : system.segments()) {
			List<Map<String, Object>> children = new ArrayList<>();
			segment.principles().forEach(p -> children.add(node(p.name().in(locale), List.of())));
			segment.layers().forEach(l -> children.add(layerNode(l, locale)));
			if (children.isEmpty()) {
				children.add(node(message("system.tree.unpublished", locale), List.of()));
			}
			segments.add(node(segment.number() + " " + segment.name().in(locale), children));
		}
		if (system.segmentsUnknown() != null) {
			segments.add(node(message("system.tree.unpublished", locale), List.of()));
		}
		return node(system.name().in(locale), segments);
	}

	private Map<String, Object> layerNode(Layer layer, Locale locale) {
		List<Map<String, Object>> children = new ArrayList<>();
		layer.layers().forEach(l -> children.add(layerNode(l, locale)));
		layer.tracks().forEach(t -> children.add(node(t.name().in(locale), List.of())));
		if (layer.layers().isEmpty()) {
			Integer unnamed = layer.unnamedCount();
			if (unnamed == null) {
				children.add(node(message("system.tree.unnamedUnknown", locale), List.of()));
			}
			else if (unnamed > 0) {
				children.add(node(messages.getMessage("system.tree.unnamed", new Object[] { unnamed }, locale), List.of()));
			}
		}
		String count = layer.declaredCount() == null ? "?" : layer.declaredCount().toString();
		return node(layer.name().in(locale) + " (" + count + ")", children);
	}

	private static Map<String, Object> node(String name, List<Map<String, Object>> children) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("name", name);
		if (!children.isEmpty()) {
			node.put("children", children);
		}
		return node;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	// 布局矩阵 ---------------------------------------------------------------------------------------

	/** A row of the matrix: a layer heading (track null) or a city track with its cells, in district order. */
	record MatrixRow(Layer layer, int depth, LayoutMatrix.CityTrack track, List<LayoutCell> cells, TrackHosts hosts) {

		public boolean heading() {
			return track == null;
		}

	}

	/** A district's column of the matrix, with its totals. */
	record MatrixColumn(Region district, String systemCode, long hosted, long unknown) {
	}

	@GetMapping("/layout")
	String layout(@RequestParam(name = "min", defaultValue = "2") int minimum,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		Layout layout = atlas.layout(date);
		List<Region> districts = atlas.districts();
		int k = Math.max(1, Math.min(minimum, districts.size()));
		Map<String, LayoutMatrix.CityTrack> byTrack = layout.tracks().stream()
			.collect(Collectors.toMap(t -> t.track().id(), Function.identity()));

		List<MatrixRow> rows = new ArrayList<>();
		for (Segment segment : layout.city().segments()) {
			for (Layer top : segment.layers()) {
				addRows(rows, top, 0, layout, districts, byTrack);
			}
		}
		List<MatrixColumn> columns = districts.stream().map(d -> {
			List<LayoutCell> cells = layout.tracks().stream().map(t -> layout.cell(d.code(), t.track().id())).toList();
			return new MatrixColumn(d, atlas.systemOf(d.code(), date).map(IndustrialSystem::code).orElse(null),
					cells.stream().filter(c -> c.hosting() == Hosting.HOSTED).count(),
					cells.stream().filter(c -> c.hosting() == Hosting.UNKNOWN).count());
		}).toList();
		List<TrackHosts> gaps = layout.gaps();

		model.addAttribute("system", layout.city());
		model.addAttribute("rows", rows);
		model.addAttribute("columns", columns);
		model.addAttribute("regions", regions());
		model.addAttribute("minimum", k);
		model.addAttribute("minimumChoices", IntStream.rangeClosed(1, districts.size()).boxed().toList());
		model.addAttribute("overlaps", layout.overlaps(k));
		model.addAttribute("certainGaps", gaps.stream().filter(TrackHosts::certainGap).toList());
		model.addAttribute("possibleGaps", gaps.stream().filter(g -> !g.certainGap()).toList());
		model.addAttribute("date", date);
		return "atlas/layout";
	}

	private static void addRows(List<MatrixRow> rows, Layer layer, int depth, Layout layout, List<Region> districts,
			Map<String, LayoutMatrix.CityTrack> byTrack) {
		rows.add(new MatrixRow(layer, depth, null, List.of(), null));
		for (Layer sub : layer.layers()) {
			addRows(rows, sub, depth + 1, layout, districts, byTrack);
		}
		for (Track track : layer.tracks()) {
			LayoutMatrix.CityTrack cityTrack = byTrack.get(track.id());
			List<LayoutCell> cells = districts.stream().map(d -> layout.cell(d.code(), track.id())).toList();
			rows.add(new MatrixRow(layer, depth, cityTrack, cells, layout.hosts(cityTrack)));
		}
	}

	// 赛道 -------------------------------------------------------------------------------------------

	/** Why a district hosts a city track: the district's own track, or a claim. */
	record HostRow(Region district, List<HostingEvidence> evidence, Map<String, Track> districtTracks) {
	}

	@GetMapping("/tracks/{id}")
	String track(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		TrackHosts hosts = atlas.hosts(id, date);
		Layout layout = atlas.layout(date);
		Map<String, Region> regions = regions();
		Citations citations = new Citations();
		citations.add(hosts.track().track().provenance());
		List<HostRow> hostRows = hosts.hostedBy().stream().map(code -> {
			List<HostingEvidence> evidence = layout.cell(code, id).evidence();
			evidence.forEach(e -> citations.add(e.provenance()));
			Map<String, Track> tracks = atlas.systemOf(code, date).map(IndustrialSystem::allTracks).orElse(List.of())
				.stream().collect(Collectors.toMap(Track::id, Function.identity()));
			return new HostRow(regions.get(code), evidence, tracks);
		}).toList();
		List<Region> notHosting = atlas.districts().stream()
			.filter(d -> !hosts.hostedBy().contains(d.code()) && !hosts.unknownIn().contains(d.code()))
			.toList();
		model.addAttribute("track", hosts.track());
		model.addAttribute("system", layout.city());
		model.addAttribute("names", CityIndex.of(layout.city()));
		model.addAttribute("hosts", hostRows);
		model.addAttribute("unknownIn", hosts.unknownIn().stream().map(regions::get).toList());
		model.addAttribute("notHosting", notHosting);
		model.addAttribute("sources", citations.sources());
		model.addAttribute("date", date);
		return "atlas/track";
	}

	// 排名 -------------------------------------------------------------------------------------------

	@GetMapping("/rankings")
	String rankings(@RequestParam(defaultValue = "gdp") String indicator, @RequestParam(required = false) Integer year,
			Model model) {
		String chosen = atlas.indicator(indicator).id();
		List<IndicatorValue> values = atlas.districts().stream()
			.flatMap(d -> atlas.indicators(d.code()).stream())
			.filter(v -> v.indicator().equals(chosen))
			.toList();
		List<Integer> years = values.stream().map(IndicatorValue::year).distinct().sorted(Comparator.reverseOrder())
			.toList();
		Ranking ranking = atlas.ranking(chosen, year);
		Citations citations = new Citations();
		ranking.entries().stream().map(Ranking.Entry::value).filter(Objects::nonNull)
			.forEach(v -> citations.add(v.provenance()));
		model.addAttribute("ranking", ranking);
		model.addAttribute("indicators", atlas.indicatorDefinitions());
		model.addAttribute("years", years);
		model.addAttribute("sources", citations.sources());
		return "atlas/rankings";
	}

	// 错误 -------------------------------------------------------------------------------------------

	@ExceptionHandler(NotInAtlasException.class)
	ModelAndView notInAtlas(NotInAtlasException e, HttpServletRequest request, HttpServletResponse response) {
		return errorPage(HttpStatus.NOT_FOUND, e.getMessage(), request, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request,
			HttpServletResponse response) {
		return errorPage(HttpStatus.BAD_REQUEST, "'" + e.getName() + "': '" + e.getValue() + "'", request, response);
	}

	/** The shell's error page (templates/error.html), as Spring Boot's error controller fills it. */
	private static ModelAndView errorPage(HttpStatus status, String detail, HttpServletRequest request,
			HttpServletResponse response) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("detail", detail);
		page.addObject("path", request.getRequestURI());
		return page;
	}

	// -----------------------------------------------------------------------------------------------

	private Map<String, Region> regions() {
		Map<String, Region> regions = new LinkedHashMap<>();
		regions.put(atlas.city().code(), atlas.city());
		atlas.districts().forEach(d -> regions.put(d.code(), d));
		return regions;
	}

	/** Names and depths of the city system's tracks and layers, for pages that refer to them by id. */
	record CityIndex(Map<String, Track> tracks, Map<String, Layer> layers, Map<String, Integer> depths) {

		static CityIndex of(IndustrialSystem city) {
			Map<String, Track> tracks = new LinkedHashMap<>();
			city.allTracks().forEach(t -> tracks.put(t.id(), t));
			Map<String, Layer> layers = new LinkedHashMap<>();
			Map<String, Integer> depths = new LinkedHashMap<>();
			city.segments().forEach(s -> s.layers().forEach(l -> index(l, 0, layers, depths)));
			return new CityIndex(tracks, layers, depths);
		}

		private static void index(Layer layer, int depth, Map<String, Layer> layers, Map<String, Integer> depths) {
			layers.put(layer.id(), layer);
			depths.put(layer.id(), depth);
			layer.layers().forEach(l -> index(l, depth + 1, layers, depths));
		}

		/** A city track's or layer's name in the locale, or the id when the city system lacks it. */
		public String name(String id, Locale locale) {
			LocalizedText name = tracks.containsKey(id) ? tracks.get(id).name()
					: layers.containsKey(id) ? layers.get(id).name() : null;
			return name == null ? id : name.in(locale);
		}

		public int depth(String layerId) {
			return depths.getOrDefault(layerId, 0);
		}

	}

	/** The sources a page cites, in the order it cites them. */
	private final class Citations {

		private final Set<String> ids = new LinkedHashSet<>();

		void add(Provenance provenance) {
			if (provenance != null) {
				ids.addAll(provenance.sources());
			}
		}

		void add(IndustrialSystem system) {
			add(system.provenance());
			for (Segment segment : system.segments()) {
				add(segment.provenance());
				segment.principles().stream().map(Principle::provenance).forEach(this::add);
				segment.allLayers().forEach(layer -> {
					add(layer.provenance());
					layer.tracks().forEach(track -> {
						add(track.provenance());
						if (track.alignment() != null) {
							add(track.alignment().provenance());
						}
					});
				});
			}
		}

		List<Source> sources() {
			return AtlasPages.this.sources.byIds(ids);
		}

	}

}

package dev.lantu.atlas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layout of one city system over its districts, computed from the district systems' alignments
 * and the claims. Unknown is kept apart from "not hosted" everywhere (see docs/dataset-format.md).
 */
public final class Layout {

	private final IndustrialSystem city;

	private final List<Region> districts;

	private final Map<String, IndustrialSystem> systemByDistrict;

	private final Map<String, List<HostingClaim>> claimsByDistrict;

	private final List<LayoutMatrix.CityTrack> tracks;

	private final Map<String, LayoutCell> cells = new LinkedHashMap<>();

	public Layout(IndustrialSystem city, List<Region> districts, Map<String, IndustrialSystem> systemByDistrict,
			List<HostingClaim> claims) {
		this.city = city;
		this.districts = List.copyOf(districts);
		this.systemByDistrict = Map.copyOf(systemByDistrict);
		this.claimsByDistrict = claims.stream().collect(Collectors.groupingBy(HostingClaim::districtCode));
		this.tracks = cityTracks(city);
		for (Region district : districts) {
			for (LayoutMatrix.CityTrack track : tracks) {
				cells.put(key(district.code(), track.track().id()), cell(district.code(), track));
			}
		}
	}

	private static List<LayoutMatrix.CityTrack> cityTracks(IndustrialSystem city) {
		List<LayoutMatrix.CityTrack> tracks = new ArrayList<>();
		for (Segment segment : city.segments()) {
			for (Layer top : segment.layers()) {
				top.selfAndDescendants().forEach(layer -> layer.tracks()
					.forEach(t -> tracks.add(new LayoutMatrix.CityTrack(t, layer.id(), top.id(), segment.number()))));
			}
		}
		return List.copyOf(tracks);
	}

	private static String key(String district, String track) {
		return district + "|" + track;
	}

	/** The ids of the city layers a track lies in, from its own layer up to the top. */
	private Set<String> layersContaining(String trackId) {
		return city.layersOf(trackId).stream().map(Layer::id).collect(Collectors.toSet());
	}

	private LayoutCell cell(String district, LayoutMatrix.CityTrack cityTrack) {
		String trackId = cityTrack.track().id();
		Set<String> layers = layersContaining(trackId);
		IndustrialSystem own = systemByDistrict.get(district);
		List<HostingClaim> claims = claimsByDistrict.getOrDefault(district, List.of());
		List<HostingEvidence> evidence = new ArrayList<>();
		if (own != null) {
			for (Track track : own.allTracks()) {
				Alignment alignment = track.alignment();
				if (alignment != null && alignment.kind() == Alignment.Kind.ALIGNED && alignment.cityTracks().contains(trackId)) {
					evidence.add(new HostingEvidence(HostingEvidence.Kind.ALIGNED_TRACK, track.id(), null,
							alignment.provenance()));
				}
			}
		}
		boolean partialClaim = false;
		for (HostingClaim claim : claims) {
			if (trackId.equals(claim.trackId())) {
				evidence.add(new HostingEvidence(HostingEvidence.Kind.CLAIM, null, claim.quote(), claim.provenance()));
			}
			else if (claim.aboutLayer() && layers.contains(claim.layerId())) {
				Integer whole = city.layer(claim.layerId()).map(Layer::declaredCount).orElse(null);
				if (Objects.equals(whole, claim.count())) {
					evidence.add(new HostingEvidence(HostingEvidence.Kind.CLAIM, null, claim.quote(), claim.provenance()));
				}
				else if (claim.count() > 0) {
					partialClaim = true;
				}
			}
		}
		Hosting hosting;
		if (!evidence.isEmpty()) {
			hosting = Hosting.HOSTED;
		}
		else if (own == null || !own.fullyNamed() || partialClaim || openAlignment(own, layers)) {
			hosting = Hosting.UNKNOWN;
		}
		else {
			hosting = Hosting.NOT_HOSTED;
		}
		return new LayoutCell(district, trackId, hosting, List.copyOf(evidence));
	}

	/** Whether one of the district's tracks has an unknown alignment that could fall in these layers. */
	private static boolean openAlignment(IndustrialSystem own, Set<String> layers) {
		return own.allTracks().stream()
			.map(Track::alignment)
			.filter(a -> a == null || a.kind() == Alignment.Kind.UNKNOWN)
			.anyMatch(a -> a == null || a.withinLayer() == null || layers.contains(a.withinLayer()));
	}

	public IndustrialSystem city() {
		return city;
	}

	public LayoutMatrix matrix() {
		return new LayoutMatrix(city.id(), city.version(), districts, tracks, List.copyOf(cells.values()));
	}

	public LayoutCell cell(String district, String trackId) {
		return cells.get(key(district, trackId));
	}

	public List<LayoutMatrix.CityTrack> tracks() {
		return tracks;
	}

	public TrackHosts hosts(LayoutMatrix.CityTrack track) {
		List<String> hosted = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (Region district : districts) {
			Hosting hosting = cell(district.code(), track.track().id()).hosting();
			if (hosting == Hosting.HOSTED) {
				hosted.add(district.code());
			}
			else if (hosting == Hosting.UNKNOWN) {
				unknown.add(district.code());
			}
		}
		return new TrackHosts(track, hosted, unknown);
	}

	/** City tracks hosted by at least {@code minimum} districts, most contested first (the 同质化 view). */
	public List<TrackHosts> overlaps(int minimum) {
		return tracks.stream()
			.map(this::hosts)
			.filter(h -> h.hostedBy().size() >= minimum)
			.sorted(Comparator.comparingInt((TrackHosts h) -> h.hostedBy().size()).reversed())
			.toList();
	}

	/** City tracks no district is known to host; certain gaps first. */
	public List<TrackHosts> gaps() {
		return tracks.stream()
			.map(this::hosts)
			.filter(h -> h.hostedBy().isEmpty())
			.sorted(Comparator.comparing((TrackHosts h) -> !h.certainGap()))
			.toList();
	}

	/** A district's coverage of every layer of the city system, tiers included. */
	public List<LayerCoverage> coverage(String district) {
		List<HostingClaim> claims = claimsByDistrict.getOrDefault(district, List.of());
		return city.allLayers().map(layer -> coverage(district, layer, claims)).toList();
	}

	private LayerCoverage coverage(String district, Layer layer, List<HostingClaim> claims) {
		int hosted = 0;
		int notHosted = 0;
		int unknown = 0;
		for (Track track : layer.allTracks()) {
			switch (cell(district, track.id()).hosting()) {
				case HOSTED -> hosted++;
				case NOT_HOSTED -> notHosted++;
				case UNKNOWN -> unknown++;
			}
		}
		List<HostingClaim> layerClaims = claims.stream().filter(c -> layer.id().equals(c.layerId())).toList();
		Integer claimed = layerClaims.stream().map(HostingClaim::count).max(Integer::compare).orElse(null);
		Integer atLeast = null;
		if (claimed != null) {
			atLeast = Math.max(hosted, claimed);
		}
		else if (hosted > 0 || notHosted > 0) {
			atLeast = hosted;
		}
		boolean exact = (unknown == 0 && layer.complete()) || (claimed != null && claimed.equals(layer.declaredCount()));
		return new LayerCoverage(district, layer.id(), layer.name(), layer.declaredCount(), layer.allTracks().size(),
				hosted, notHosted, unknown, layer.unnamedCount(), claimed, layerClaims, atLeast, exact);
	}

	/**
	 * How many tracks of a city segment a district hosts at least (summed over the segment's top-level
	 * layers; null when nothing is known) and whether that number is exact. This is what the map shades.
	 */
	public record SegmentHosting(String districtCode, String segmentNumber, Integer atLeast, boolean exact) {
	}

	public SegmentHosting hostedInSegment(String district, String segmentNumber) {
		Segment segment = city.segments().stream().filter(s -> s.number().equals(segmentNumber)).findFirst()
			.orElseThrow(() -> new NotInAtlasException("segment", segmentNumber, "a segment number of " + city.code()));
		List<HostingClaim> claims = claimsByDistrict.getOrDefault(district, List.of());
		Integer total = null;
		boolean exact = true;
		for (Layer top : segment.layers()) {
			LayerCoverage coverage = coverage(district, top, claims);
			exact &= coverage.exact();
			if (coverage.atLeast() != null) {
				total = (total == null ? 0 : total) + coverage.atLeast();
			}
		}
		return new SegmentHosting(district, segmentNumber, total, exact && total != null);
	}

	/** The segment of the city system with the most tracks: its "core tracks" ("21" of "12218"). */
	public String coreSegment() {
		return city.segments().stream()
			.filter(Segment::hasTracks)
			.max(Comparator.comparingInt((Segment s) -> s.declaredCount() == null ? s.allTracks().size() : s.declaredCount()))
			.map(Segment::number)
			.orElse(null);
	}

}

package dev.lantu.atlas;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/**
 * A city's or a district's modern industrial system (现代化产业体系) in one version: its code
 * ("12218"), its ordered segments, and where it comes from. {@code segmentsUnknown} holds the reason
 * when the code is published but its segments are not.
 */
public record IndustrialSystem(String id, int version, Scope scope, String regionCode, LocalizedText name, String code,
		LocalDate effective, Provenance provenance, List<Segment> segments, String segmentsUnknown) {

	public IndustrialSystem {
		segments = List.copyOf(segments);
	}

	public IndustrialSystem withVersion(int newVersion) {
		return new IndustrialSystem(id, newVersion, scope, regionCode, name, code, effective, provenance, segments,
				segmentsUnknown);
	}

	public Stream<Layer> allLayers() {
		return segments.stream().flatMap(Segment::allLayers);
	}

	public List<Track> allTracks() {
		return segments.stream().flatMap(s -> s.allTracks().stream()).toList();
	}

	public Optional<Layer> layer(String layerId) {
		return allLayers().filter(l -> l.id().equals(layerId)).findFirst();
	}

	public Optional<Track> track(String trackId) {
		return allTracks().stream().filter(t -> t.id().equals(trackId)).findFirst();
	}

	/** The top-level layer (or the layer itself) a track belongs to, and every layer on its way. */
	public List<Layer> layersOf(String trackId) {
		return allLayers().filter(l -> l.tracks().stream().anyMatch(t -> t.id().equals(trackId))
				|| l.allTracks().stream().anyMatch(t -> t.id().equals(trackId))).toList();
	}

	/** True when every segment is published, every layer's count is known and all its tracks are named. */
	public boolean fullyNamed() {
		return segmentsUnknown == null && segments.stream()
			.allMatch(s -> s.hasTracks() ? s.layers().stream().allMatch(Layer::complete) : !s.principles().isEmpty());
	}

}

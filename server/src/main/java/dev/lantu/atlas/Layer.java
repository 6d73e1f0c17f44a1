package dev.lantu.atlas;

import java.util.List;
import java.util.stream.Stream;

import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/**
 * A group of tracks ("15 strategic industry clusters"): a declared count (null when the sources give
 * none) and either sub-layers (tiers) or the tracks known so far.
 */
public record Layer(String id, LocalizedText name, Integer declaredCount, List<Layer> layers, List<Track> tracks,
		Provenance provenance) {

	public Layer {
		layers = List.copyOf(layers);
		tracks = List.copyOf(tracks);
	}

	/** This layer and all its sub-layers, depth first. */
	public Stream<Layer> selfAndDescendants() {
		return Stream.concat(Stream.of(this), layers.stream().flatMap(Layer::selfAndDescendants));
	}

	public List<Track> allTracks() {
		return selfAndDescendants().flatMap(l -> l.tracks().stream()).toList();
	}

	/** How many declared tracks are not named; null when the count itself is unknown. */
	public Integer unnamedCount() {
		return declaredCount == null ? null : Math.max(0, declaredCount - allTracks().size());
	}

	public boolean complete() {
		Integer unnamed = unnamedCount();
		return unnamed != null && unnamed == 0;
	}

}

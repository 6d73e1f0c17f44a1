package dev.lantu.atlas;

import java.util.List;
import java.util.stream.Stream;

import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/**
 * One segment of a system's code: its number is its own digits of the code ("21" of "12218") and
 * its declared count (null for "X"). It holds principles or layers of tracks; neither means its
 * content is not published.
 */
public record Segment(String number, Integer declaredCount, LocalizedText name, List<Principle> principles,
		List<Layer> layers, Provenance provenance) {

	public Segment {
		principles = List.copyOf(principles);
		layers = List.copyOf(layers);
	}

	public Stream<Layer> allLayers() {
		return layers.stream().flatMap(Layer::selfAndDescendants);
	}

	public List<Track> allTracks() {
		return layers.stream().flatMap(l -> l.allTracks().stream()).toList();
	}

	public boolean hasTracks() {
		return !layers.isEmpty();
	}

}

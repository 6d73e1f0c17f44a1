package dev.lantu.atlas;

import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/** An industry track (赛道) of a system. District tracks carry their alignment; city tracks do not. */
public record Track(String id, LocalizedText name, Alignment alignment, Provenance provenance) {
}

package dev.lantu.atlas;

import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/** A stated requirement or direction of a segment ("产业第一、制造业立市"). */
public record Principle(LocalizedText name, Provenance provenance) {
}

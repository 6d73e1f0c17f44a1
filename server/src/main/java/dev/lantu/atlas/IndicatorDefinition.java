package dev.lantu.atlas;

import dev.lantu.dataset.LocalizedText;

/** An indicator a dataset records for its regions, e.g. GDP in 亿元. */
public record IndicatorDefinition(String id, LocalizedText name, LocalizedText unit) {
}

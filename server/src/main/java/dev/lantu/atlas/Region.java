package dev.lantu.atlas;

import dev.lantu.dataset.LocalizedText;

/** A city or one of its districts, by GB/T 2260 code. */
public record Region(String code, Scope level, String parentCode, LocalizedText name, String note) {
}

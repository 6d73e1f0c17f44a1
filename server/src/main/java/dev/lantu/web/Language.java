package dev.lantu.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages of the UI: Chinese is the reference, English a translation. */
enum Language {

	ZH("zh", "zh-CN", Locale.SIMPLIFIED_CHINESE), EN("en", "en", Locale.ENGLISH);

	/** As {@code ?lang=} takes it. */
	private final String tag;

	/** As {@code <html lang>} takes it (BCP 47). */
	private final String htmlTag;

	private final Locale locale;

	Language(String tag, String htmlTag, Locale locale) {
		this.tag = tag;
		this.htmlTag = htmlTag;
		this.locale = locale;
	}

	String htmlTag() {
		return htmlTag;
	}

	Locale locale() {
		return locale;
	}

	static Optional<Language> of(String tag) {
		return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag == null ? "" : tag.trim())).findFirst();
	}

	static Language of(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
	}

}

package dev.lantu.dataset;

import java.util.Locale;

/** A name or text in Chinese and English. Chinese is the reference; English may be missing. */
public record LocalizedText(String zh, String en) {

	public String in(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return english && en != null && !en.isBlank() ? en : zh;
	}

}

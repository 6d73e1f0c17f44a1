package dev.lantu.dataset;

import java.util.Arrays;
import java.util.Optional;

/** How far a fact can be trusted, as the facts file marks it. */
public enum Confidence {

	HIGH, MEDIUM, LOW;

	public static Optional<Confidence> parse(String text) {
		return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(text)).findFirst();
	}

	public String label() {
		return name().toLowerCase();
	}

}

package dev.lantu.projects;

import java.util.List;

/**
 * Why a stage entry cannot be made: in English, and as a {@code code} with {@code args} for the
 * reader's language (message {@code problem.<code>}).
 */
public record Refusal(String code, List<Object> args, String english) {

	public Refusal {
		args = List.copyOf(args);
	}

	public static Refusal of(String code, String english, Object... args) {
		return new Refusal(code, List.of(args), english);
	}

	@Override
	public String toString() {
		return english;
	}

}

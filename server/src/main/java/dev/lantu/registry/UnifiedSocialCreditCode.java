package dev.lantu.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the registration
 * authority, the entity type, the administrative division (GB/T 2260) where it was issued, the
 * organisation code (GB 11714) and a check character.
 */
public record UnifiedSocialCreditCode(String value) {

	/** The 31 symbols of the code, valued 0 to 30; I, O, Z, S and V are never used. */
	private static final String SYMBOLS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** 3^(i-1) mod 31 for positions 1 to 17. */
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** 登记管理部门代码: 1-9, A (军队), N (农业), Y (其他). */
	private static final String AUTHORITIES = "123456789ANY";

	public UnifiedSocialCreditCode {
		Optional<String> problem = problem(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
	}

	/** Parses a code as people write it (spaces around, lower case); the problem says what is wrong. */
	public static UnifiedSocialCreditCode parse(String text) {
		return new UnifiedSocialCreditCode(text == null ? null : text.strip().toUpperCase());
	}

	/**
	 * A code as typed, made canonical: full-width characters (what a Chinese input method types) made
	 * half-width, spaces and hyphens removed, lower case made upper. {@code changes} says what was done, in
	 * words for a warning; empty when the text was canonical already. The result may still be invalid.
	 */
	public record Normalised(String code, List<String> changes) {

		public Normalised {
			changes = List.copyOf(changes);
		}

		public boolean changed() {
			return !changes.isEmpty();
		}

	}

	/** What people put between the characters of a code; compiled once, as imports normalise millions of codes. */
	static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\-]");

	public static Normalised normalise(String text) {
		String typed = text == null ? "" : text.strip();
		List<String> changes = new ArrayList<>();
		String half = IndustryClassification.halfWidth(typed);
		if (!half.equals(typed)) {
			changes.add("full-width characters made half-width");
		}
		String joined = SPACES.matcher(half).replaceAll("");
		if (!joined.equals(half)) {
			changes.add("spaces removed");
		}
		String upper = joined.toUpperCase(Locale.ROOT);
		if (!upper.equals(joined)) {
			changes.add("lower-case letters made upper case");
		}
		return new Normalised(upper, changes);
	}

	/**
	 * For an invalid code, the valid one that the usual look-alike slips give (O for 0, I for 1, Z for 2, S for
	 * 5, V for U), when exactly one does; a hint for a person to confirm, never applied silently.
	 */
	public static Optional<String> lookAlike(String code) {
		if (code == null || code.length() != 18 || isValid(code)) {
			return Optional.empty();
		}
		String fixed = code.replace('O', '0').replace('I', '1').replace('Z', '2').replace('S', '5').replace('V', 'U');
		return !fixed.equals(code) && isValid(fixed) ? Optional.of(fixed) : Optional.empty();
	}

	public static boolean isValid(String text) {
		return problem(text).isEmpty();
	}

	/** What is wrong with a code, in words a clerk can act on; empty when it is valid. */
	public static Optional<String> problem(String code) {
		if (code == null || code.isEmpty()) {
			return Optional.of("a unified social credit code of 18 characters is required");
		}
		if (code.length() != 18) {
			return Optional.of("a unified social credit code has 18 characters, '" + code + "' has " + code.length());
		}
		for (int i = 0; i < 18; i++) {
			if (SYMBOLS.indexOf(code.charAt(i)) < 0) {
				return Optional.of("character " + (i + 1) + " of '" + code + "' is '" + code.charAt(i)
						+ "', which no unified social credit code uses (digits and capitals except I, O, Z, S, V)");
			}
		}
		if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
			return Optional.of("the first character of '" + code + "' is '" + code.charAt(0)
					+ "', which is no registration authority (1-9, A, N or Y)");
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(code.charAt(i))) {
				return Optional.of("characters 3-8 of '" + code + "' must be the digits of a division code (GB/T 2260)");
			}
		}
		char expected = checkCharacter(code.substring(0, 17));
		if (code.charAt(17) != expected) {
			return Optional.of("the check character of '" + code + "' is '" + code.charAt(17) + "', but the first 17 "
					+ "characters give '" + expected + "': a character is probably mistyped");
		}
		return Optional.empty();
	}

	/** The GB 32100-2015 check character of the first 17 characters. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += SYMBOLS.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return SYMBOLS.charAt((31 - sum % 31) % 31);
	}

	/** 登记管理部门: 9 is market regulation (the usual one for enterprises). */
	public char registrationAuthority() {
		return value.charAt(0);
	}

	/** 机构类别, within the registration authority (for 9: 1 enterprise, 2 individual business, 3 cooperative). */
	public char entityType() {
		return value.charAt(1);
	}

	/** The GB/T 2260 code of the division where the code was issued (it may be a city-level or retired code). */
	public String divisionCode() {
		return value.substring(2, 8);
	}

	/** 主体标识码: the GB 11714 organisation code. */
	public String organisationCode() {
		return value.substring(8, 17);
	}

	@Override
	public String toString() {
		return value;
	}

}

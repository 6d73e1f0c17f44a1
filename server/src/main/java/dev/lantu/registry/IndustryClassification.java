package dev.lantu.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * GB/T 4754-2017, the national industrial classification, from the bundled reference file
 * ({@code reference/gbt4754_2017_industry_classification.csv}, GPL-3.0 data; see its PROVENANCE). An
 * enterprise's industry code is a 4-digit class (小类); the section-letter form (C3612) is accepted and
 * normalised to the digits.
 */
@Component
public class IndustryClassification {

	private static final String RESOURCE = "/reference/gbt4754_2017_industry_classification.csv";

	private static IndustryClassification bundled;

	private final Map<String, IndustryClass> byCode;

	IndustryClassification() {
		this.byCode = load();
	}

	/** The bundled classification, for code outside the application context (tests, generators). */
	public static synchronized IndustryClassification bundled() {
		if (bundled == null) {
			bundled = new IndustryClassification();
		}
		return bundled;
	}

	/**
	 * The result of checking an industry code as typed: the 4-digit class when it is one, else a reason
	 * and, where one helps, a suggestion. {@code note} says what was repaired (a leading zero Excel dropped).
	 */
	public record Check(String code, String problem, String suggestion, String note) {

		public boolean valid() {
			return code != null;
		}

	}

	public Optional<IndustryClass> find(String code) {
		return Optional.ofNullable(code == null ? null : byCode.get(code));
	}

	/** A class and its ancestors, from the section down to the class itself; empty for an unknown code. */
	public List<IndustryClass> lineage(String code) {
		List<IndustryClass> lineage = new ArrayList<>();
		IndustryClass node = byCode.get(code);
		while (node != null) {
			lineage.add(node);
			node = node.parentCode() == null ? null : byCode.get(node.parentCode());
		}
		Collections.reverse(lineage);
		return lineage;
	}

	public List<IndustryClass> children(String code) {
		return byCode.values().stream().filter(c -> code.equals(c.parentCode())).toList();
	}

	/** The classes (小类) under a code of any level, e.g. every class of section C or of division 36. */
	public List<IndustryClass> classesUnder(String code) {
		IndustryClass node = byCode.get(code);
		if (node == null) {
			return List.of();
		}
		return byCode.values().stream()
			.filter(c -> c.level() == IndustryClass.Level.CLASS
					&& (node.level() == IndustryClass.Level.SECTION ? c.section().equals(code) : c.code().startsWith(code)))
			.toList();
	}

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-T]?\\d{1,4}|[A-T]");

	/** Checks an industry code as people write it: 3612, C3612, c 3612, full-width digits. */
	public Check check(String text) {
		String typed = text == null ? "" : text;
		String code = UnifiedSocialCreditCode.SPACES.matcher(halfWidth(typed)).replaceAll("").toUpperCase();
		if (code.isEmpty()) {
			return new Check(null, "an industry code (GB/T 4754-2017, 4 digits) is required", null, null);
		}
		if (!CODE.matcher(code).matches()) {
			return new Check(null, "'" + typed + "' is no GB/T 4754-2017 code; expected a 4-digit class such as 3612 "
					+ "(or C3612)", null, null);
		}
		String letter = Character.isLetter(code.charAt(0)) ? code.substring(0, 1) : null;
		String digits = letter == null ? code : code.substring(1);
		if (digits.isEmpty()) {
			IndustryClass section = byCode.get(letter);
			return new Check(null, "'" + typed + "' is a section" + (section == null ? "" : " (" + section.name() + ")")
					+ "; a 4-digit class (小类) is needed", null, null);
		}
		String note = null;
		if (digits.length() == 3 && !byCode.containsKey(digits) && byCode.containsKey("0" + digits)) {
			// Excel keeps codes as numbers and drops their leading zero: 0111 arrives as 111
			note = "read as " + "0" + digits + " (a leading zero was lost, as Excel drops it from numbers)";
			digits = "0" + digits;
		}
		IndustryClass found = byCode.get(digits);
		if (found != null && found.level() != IndustryClass.Level.CLASS) {
			return new Check(null, "'" + typed + "' is the " + levelName(found) + " " + found.name()
					+ "; a 4-digit class (小类) is needed", describe(classesUnder(digits)), null);
		}
		if (found == null) {
			return new Check(null, "'" + typed + "' is no class of GB/T 4754-2017", suggestion(digits), null);
		}
		if (letter != null && !letter.equals(found.section())) {
			IndustryClass section = byCode.get(found.section());
			return new Check(null, "class " + digits + " (" + found.name() + ") is in section " + found.section() + " ("
					+ section.name() + "), not " + letter, found.fullCode(), null);
		}
		return new Check(digits, null, null, note);
	}

	private String suggestion(String digits) {
		for (int length = Math.min(3, digits.length()); length >= 2; length--) {
			List<IndustryClass> near = classesUnder(digits.substring(0, length));
			if (!near.isEmpty()) {
				return describe(near);
			}
		}
		return null;
	}

	private static String describe(List<IndustryClass> classes) {
		List<IndustryClass> sorted = classes.stream().sorted(Comparator.comparing(IndustryClass::code)).toList();
		String listed = String.join(", ", sorted.stream().limit(8).map(c -> c.code() + " " + c.name()).toList());
		return sorted.size() > 8 ? listed + " … (" + sorted.size() + " classes)" : listed;
	}

	private static String levelName(IndustryClass node) {
		return switch (node.level()) {
			case SECTION -> "section (门类)";
			case DIVISION -> "division (大类)";
			case GROUP -> "group (中类)";
			case CLASS -> "class (小类)";
		};
	}

	/** Full-width ASCII (ＡＢＣ１２３, what Chinese input methods type) as half-width; the ideographic space as a space. */
	static String halfWidth(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				out.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000') {
				out.append(' ');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static Map<String, IndustryClass> load() {
		try (InputStream in = IndustryClassification.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the bundled classification " + RESOURCE + " is missing");
			}
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
			Map<String, IndustryClass> byCode = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				if (lines[i].isBlank()) {
					continue;
				}
				// code,level,level_zh,name_zh,parent_code,section,full_code: no field is quoted (checked by a test)
				String[] f = lines[i].split(",", -1);
				IndustryClass.Level level = IndustryClass.Level.valueOf(f[1].toUpperCase());
				byCode.put(f[0], new IndustryClass(f[0], level, f[3], f[4].isEmpty() ? null : f[4], f[5]));
			}
			return Map.copyOf(byCode);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

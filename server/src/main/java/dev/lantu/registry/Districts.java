package dev.lantu.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lantu.atlas.Region;

/**
 * The city's districts (GB/T 2260, from the atlas) by code and by the names people write: 天河区, 天河,
 * Tianhe, Tianhe District. An unknown district gets the nearest ones as a suggestion.
 */
final class Districts {

	private final List<Region> regions;

	private final Map<String, String> codeByName = new LinkedHashMap<>();

	Districts(List<Region> regions) {
		this.regions = List.copyOf(regions);
		for (Region r : regions) {
			codeByName.put(r.code(), r.code());
			String zh = r.name().zh();
			codeByName.put(zh, r.code());
			if (zh.length() > 2 && (zh.endsWith("区") || zh.endsWith("县") || zh.endsWith("市"))) {
				codeByName.putIfAbsent(zh.substring(0, zh.length() - 1), r.code());
			}
			if (r.name().en() != null) {
				String en = r.name().en().toLowerCase();
				codeByName.put(en, r.code());
				codeByName.putIfAbsent(en.replace(" district", "").strip(), r.code());
			}
		}
	}

	Optional<String> code(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = IndustryClassification.halfWidth(text).strip();
		String code = codeByName.get(t);
		return Optional.ofNullable(code != null ? code : codeByName.get(t.toLowerCase()));
	}

	Optional<Region> region(String code) {
		return regions.stream().filter(r -> r.code().equals(code)).findFirst();
	}

	List<Region> all() {
		return regions;
	}

	/** The districts a mistyped one most likely meant: codes one or two digits off, names sharing a character. */
	String suggestion(String text) {
		String t = text == null ? "" : text.strip();
		List<String> near = regions.stream()
			.filter(r -> t.matches("\\d{6}") ? differingDigits(t, r.code()) <= 2
					: r.name().zh().chars().anyMatch(c -> t.indexOf(c) >= 0 && c != '区'))
			.map(r -> r.code() + " " + r.name().zh())
			.toList();
		List<String> shown = near.isEmpty() || near.size() > 4
				? regions.stream().map(r -> r.code() + " " + r.name().zh()).toList() : near;
		return String.join(", ", shown);
	}

	private static int differingDigits(String a, String b) {
		int n = 0;
		for (int i = 0; i < a.length(); i++) {
			n += a.charAt(i) == b.charAt(i) ? 0 : 1;
		}
		return n;
	}

}

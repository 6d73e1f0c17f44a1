package dev.lantu.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.SystemSummary;
import dev.lantu.atlas.Track;
import dev.lantu.policy.Amount;

/**
 * What the policies' pages show by name: regions and tracks in the reader's language, from the atlas (an
 * unknown code shows as itself), and amounts of fen as a policy writes them.
 */
@Component
class PolicyNames {

	private final AtlasService atlas;

	PolicyNames(AtlasService atlas) {
		this.atlas = atlas;
	}

	/** The city and its districts, the city first. */
	List<Region> regions() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(atlas.city()), atlas.districts().stream())
			.toList();
	}

	List<Region> districts() {
		return atlas.districts();
	}

	public String region(String code, Locale locale) {
		return regions().stream().filter(region -> region.code().equals(code)).findFirst()
			.map(region -> region.name().in(locale))
			.orElse(code);
	}

	public List<String> regions(List<String> codes, Locale locale) {
		return codes.stream().map(code -> region(code, locale)).toList();
	}

	public List<String> tracks(List<String> ids, Locale locale) {
		return ids.stream().map(id -> track(id, locale)).toList();
	}

	/** 150万元, 1234.57元; {@code null} for an amount not set. */
	public String money(Long fen) {
		return fen == null ? null : Amount.of(fen).text();
	}

	public String track(String id, Locale locale) {
		return findTrack(id).map(track -> track.name().in(locale)).orElse(id);
	}

	private Optional<Track> findTrack(String id) {
		LocalDate today = LocalDate.now();
		for (SystemSummary system : atlas.systems(today)) {
			Optional<Track> track = atlas.system(system.id(), today).track(id);
			if (track.isPresent()) {
				return track;
			}
		}
		return Optional.empty();
	}

}

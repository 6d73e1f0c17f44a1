package dev.lantu.policy;

import java.time.LocalDate;

/**
 * What to look for among the policies; each part left {@code null} does not filter.
 *
 * @param region a GB/T 2260 code: the policies covering it, the city's policies included for a district
 * @param track  a track id the policy names as supported
 * @param issuer part of the issuer's name
 * @param on     a date the policy is in force on
 * @param text   words in the titles, the document number, the issuer or the clauses' titles and paragraphs
 */
public record PolicyQuery(String region, String track, String issuer, LocalDate on, String text) {

	public PolicyQuery {
		region = blankToNull(region);
		track = blankToNull(track);
		issuer = blankToNull(issuer);
		text = blankToNull(text);
	}

	public static PolicyQuery all() {
		return new PolicyQuery(null, null, null, null, null);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

package dev.lantu.awards;

/**
 * Which awards to list; each part left {@code null} does not filter.
 *
 * @param district the enterprise's district (GB/T 2260)
 * @param year     the award year
 */
public record AwardFilter(String policyId, String district, AwardState state, String uscc, Integer year) {

	public AwardFilter {
		policyId = blankToNull(policyId);
		district = blankToNull(district);
		uscc = blankToNull(uscc);
	}

	public static AwardFilter all() {
		return new AwardFilter(null, null, null, null, null);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

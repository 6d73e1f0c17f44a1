package dev.lantu.registry;

/**
 * Which enterprises a search or an export wants; every criterion may be null. {@code text} matches the
 * name (or a former name) or the start of the USCC; {@code industry} is a GB/T 4754 code of any level
 * (section C, division 36, group 361, class 3612); {@code qualification} one held today.
 */
public record EnterpriseFilter(String text, String districtCode, String industry, QualificationType qualification,
		Boolean synthetic) {

	public static EnterpriseFilter all() {
		return new EnterpriseFilter(null, null, null, null, null);
	}

}

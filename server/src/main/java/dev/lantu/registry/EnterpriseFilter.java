package dev.lantu.registry;

/**
 * Which enterprises a search or an export wants; every criterion may be null. {@code text} matches the
 * name (or a former name) or the start of the USCC; {@code industry} is a GB/T 4754 code of any level
 * (section C, division 36, group 361, class 3612); {@code qualification} one held today. {@code scopeDistrict}
 * and {@code scopeUscc} are what the caller may see (a district officer's district, an enterprise user's
 * enterprise): the service sets them, never the request.
 */
public record EnterpriseFilter(String text, String districtCode, String industry, QualificationType qualification,
		Boolean synthetic, String scopeDistrict, String scopeUscc) {

	public EnterpriseFilter(String text, String districtCode, String industry, QualificationType qualification,
			Boolean synthetic) {
		this(text, districtCode, industry, qualification, synthetic, null, null);
	}

	public static EnterpriseFilter all() {
		return new EnterpriseFilter(null, null, null, null, null);
	}

	/** This filter within a district or one enterprise (null: no such bound). */
	public EnterpriseFilter within(String district, String uscc) {
		return new EnterpriseFilter(text, districtCode, industry, qualification, synthetic, district, uscc);
	}

}

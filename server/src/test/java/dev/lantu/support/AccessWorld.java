package dev.lantu.support;

/**
 * The matrix's world: one account of each role, bound to the "own" side; the "other" side belongs to nobody
 * signed in. The district officer works for Tianhe (440106), the other district is Yuexiu (440104); the
 * enterprise user is {@link #ownUscc}, a Tianhe enterprise; the policy officer acts for {@link #ownIssuer}.
 */
public record AccessWorld(String ownDistrict, String otherDistrict, String ownUscc, String otherUscc, String ownIssuer,
		String otherIssuer) {
}

package dev.lantu.registry;

/**
 * When a district's track counts as strong, in the manner of the U.S. Cluster Mapping Project's strong
 * clusters: it is specialised (LQ above {@code minLq}, 1 by default), among the most specialised districts for
 * that track (rank by LQ within the top {@code topFraction} of the districts that have an LQ, rounded up: the
 * top quartile by default, so 3 of 11 districts), and it has mass (at least {@code minShare} of the track's
 * city total, 5% by default), so that a tiny district with two firms is not strong by arithmetic alone.
 */
public record StrongTrackRule(double minLq, double topFraction, double minShare) {

	public static final StrongTrackRule DEFAULT = new StrongTrackRule(1.0, 0.25, 0.05);

	public StrongTrackRule {
		if (!(minLq >= 0)) {
			throw new RegistryInputException("minLq", String.valueOf(minLq), "a location quotient of 0 or more");
		}
		if (!(topFraction > 0 && topFraction <= 1)) {
			throw new RegistryInputException("topFraction", String.valueOf(topFraction), "a fraction above 0 and at most 1");
		}
		if (!(minShare >= 0 && minShare <= 1)) {
			throw new RegistryInputException("minShare", String.valueOf(minShare), "a fraction from 0 to 1");
		}
	}

	/** How many of the best ranks count as top: {@code ceil(districts × topFraction)}, at least 1. */
	public int topRanks(int districts) {
		return Math.max(1, (int) Math.ceil(districts * topFraction - 1e-9));
	}

}

package dev.lantu.projects;

/**
 * Which projects a list, a board or an export covers; null fields do not filter. {@code year} is the
 * year a project was signed (its 签约 entry, or its first entry past it); {@code text} searches name,
 * investor and site.
 */
public record ProjectFilter(String districtCode, String trackId, Stage stage, Integer year, String text,
		Boolean synthetic) {

	public static ProjectFilter all() {
		return new ProjectFilter(null, null, null, null, null, null);
	}

}

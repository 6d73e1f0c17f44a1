package dev.lantu.projects;

/**
 * The share of a track in a district's signings of a year: {@code projects} of {@code of} signed projects
 * carry the track (a project may carry several).
 */
public record TrackShare(String trackId, long projects, long of) {

	public double share() {
		return of == 0 ? 0 : (double) projects / of;
	}

}

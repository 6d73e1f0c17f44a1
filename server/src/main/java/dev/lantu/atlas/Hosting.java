package dev.lantu.atlas;

/** Whether a district hosts a city track, as far as the sources tell. */
public enum Hosting {
	HOSTED, NOT_HOSTED, UNKNOWN
}

package dev.lantu.atlas;

/** Whose system it is: the city's or a district's. */
public enum Scope {
	CITY, DISTRICT
}

package dev.lantu.projects.web;

/** A track a project carries, by name; {@code city} when it is a track of the city system. */
record TrackRef(String id, String name, boolean city) {
}

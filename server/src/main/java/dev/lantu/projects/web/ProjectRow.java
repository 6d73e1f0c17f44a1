package dev.lantu.projects.web;

import java.util.List;

import dev.lantu.projects.Project;

/** A project as a list shows it. */
record ProjectRow(Project project, long daysInStage, boolean stalled, List<TrackRef> tracks) {
}

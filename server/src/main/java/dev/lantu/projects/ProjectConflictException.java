package dev.lantu.projects;

/**
 * Someone else changed the project since the version the request was made on. Nothing changed; the
 * user reloads and applies the change again.
 */
public class ProjectConflictException extends RuntimeException {

	private final long projectId;

	private final int expectedVersion;

	private final int currentVersion;

	public ProjectConflictException(long projectId, int expectedVersion, int currentVersion, String changedBy) {
		super("project " + projectId + " was changed by " + changedBy + " after version " + expectedVersion
				+ " (it is now version " + currentVersion + "); reload it and apply your change again");
		this.projectId = projectId;
		this.expectedVersion = expectedVersion;
		this.currentVersion = currentVersion;
	}

	public long projectId() {
		return projectId;
	}

	public int expectedVersion() {
		return expectedVersion;
	}

	public int currentVersion() {
		return currentVersion;
	}

}

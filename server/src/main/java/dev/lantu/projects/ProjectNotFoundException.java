package dev.lantu.projects;

public class ProjectNotFoundException extends RuntimeException {

	public ProjectNotFoundException(long id) {
		super("no project " + id);
	}

}

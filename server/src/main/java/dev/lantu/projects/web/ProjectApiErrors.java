package dev.lantu.projects.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.projects.ProjectConflictException;
import dev.lantu.projects.ProjectInputException;
import dev.lantu.projects.ProjectNotFoundException;
import dev.lantu.projects.StageRefusedException;
import dev.lantu.tables.TableException;

/** RFC 9457 problem details for the projects API: what was refused, where and why. */
@RestControllerAdvice(assignableTypes = ProjectApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectApiErrors {

	@ExceptionHandler(ProjectInputException.class)
	ProblemDetail input(ProjectInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid project data");
		problem.setType(URI.create("https://lantu.dev/problems/invalid-project"));
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(ProjectConflictException.class)
	ProblemDetail conflict(ProjectConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Changed by someone else");
		problem.setType(URI.create("https://lantu.dev/problems/version-conflict"));
		problem.setProperty("field", "version");
		problem.setProperty("currentVersion", e.currentVersion());
		return problem;
	}

	@ExceptionHandler(StageRefusedException.class)
	ProblemDetail refused(StageRefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("Stage entry refused");
		problem.setType(URI.create("https://lantu.dev/problems/stage-refused"));
		return problem;
	}

	@ExceptionHandler(ProjectNotFoundException.class)
	ProblemDetail notFound(ProjectNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such project");
		return problem;
	}

	@ExceptionHandler(TableException.class)
	ProblemDetail unreadable(TableException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Unreadable file");
		problem.setProperty("field", "file");
		return problem;
	}

}

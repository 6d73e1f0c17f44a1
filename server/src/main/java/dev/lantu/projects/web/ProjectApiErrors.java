package dev.lantu.projects.web;

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
import dev.lantu.web.Problems;

/** RFC 9457 problem details for the projects API: what was refused, where and why. */
@RestControllerAdvice(assignableTypes = ProjectApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectApiErrors {

	@ExceptionHandler(ProjectInputException.class)
	ProblemDetail input(ProjectInputException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid project data", e.getMessage())
			.type("invalid-project")
			.with("errors", e.problems())
			.build();
	}

	@ExceptionHandler(ProjectConflictException.class)
	ProblemDetail conflict(ProjectConflictException e) {
		return Problems.of(HttpStatus.CONFLICT, "Changed by someone else", e.getMessage())
			.type("version-conflict")
			.with("field", "version")
			.with("currentVersion", e.currentVersion())
			.build();
	}

	@ExceptionHandler(StageRefusedException.class)
	ProblemDetail refused(StageRefusedException e) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Stage entry refused", e.getMessage())
			.type("stage-refused")
			.build();
	}

	@ExceptionHandler(ProjectNotFoundException.class)
	ProblemDetail notFound(ProjectNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such project", e.getMessage()).build();
	}

	@ExceptionHandler(TableException.class)
	ProblemDetail unreadable(TableException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Unreadable file", e.getMessage())
			.with("field", "file")
			.build();
	}

}

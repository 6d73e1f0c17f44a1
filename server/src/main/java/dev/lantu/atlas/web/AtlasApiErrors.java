package dev.lantu.atlas.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.atlas.NotInAtlasException;

/** RFC 9457 problem details for atlas requests that name something the atlas does not have. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class AtlasApiErrors {

	@ExceptionHandler(NotInAtlasException.class)
	ProblemDetail notInAtlas(NotInAtlasException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not in the atlas");
		problem.setType(URI.create("https://lantu.dev/problems/not-in-atlas"));
		problem.setProperty("field", e.field());
		problem.setProperty("value", e.value());
		return problem;
	}


}

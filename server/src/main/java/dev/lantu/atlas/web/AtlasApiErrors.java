package dev.lantu.atlas.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.atlas.NotInAtlasException;
import dev.lantu.web.Problems;

/** RFC 9457 problem details for atlas requests that name something the atlas does not have. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class AtlasApiErrors {

	@ExceptionHandler(NotInAtlasException.class)
	ProblemDetail notInAtlas(NotInAtlasException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "Not in the atlas", e.getMessage())
			.type("not-in-atlas")
			.with("field", e.field())
			.with("value", e.value())
			.build();
	}

}

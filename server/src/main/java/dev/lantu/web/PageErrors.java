package dev.lantu.web;


import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for a page that does not exist gets the error page in its language. Everyone else
 * (API clients, curl, anything under /api/) keeps the problem details Spring Boot sends.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private final ObjectProvider<ResponseEntityExceptionHandler> problemDetails;

	PageErrors(ObjectProvider<ResponseEntityExceptionHandler> problemDetails) {
		this.problemDetails = problemDetails;
	}

	// no handler at all since the static files are mapped under /css, /js and /webjars only (StaticResources);
	// a missing file under those is still NoResourceFoundException
	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	Object noSuchPage(Exception e, HttpServletRequest request, WebRequest webRequest) throws Exception {
		if (wantsPage(request)) {
			ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
			page.addObject("status", HttpStatus.NOT_FOUND.value());
			page.addObject("error", HttpStatus.NOT_FOUND.getReasonPhrase());
			page.addObject("path", request.getRequestURI());
			return page;
		}
		ResponseEntityExceptionHandler handler = problemDetails.getIfAvailable();
		if (handler == null) {
			throw e;
		}
		return handler.handleException(e, webRequest);
	}

	/**
	 * An upload over spring.servlet.multipart's limits (Tomcat counts while it reads): 413, as the error page for
	 * a browser, else as a problem detail naming the limit. Thrown before any controller is chosen, so only advice
	 * that applies to every handler sees it.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		long limit = e.getMaxUploadSize();
		String detail = "the upload is larger than this server takes"
				+ (limit > 0 ? ": at most " + limit + " bytes (" + BodySizeLimit.human(limit) + ")" : "");
		if (wantsPage(request)) {
			ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
			page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
			page.addObject("error", HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
			page.addObject("path", request.getRequestURI());
			return page;
		}
		Problems problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large", detail).type("upload-too-large");
		if (limit > 0) {
			problem.with("limit", limit);
		}
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.build());
	}

	/** Asked for HTML by name, as browsers do (curl's default Accept does not), and not under the API. */
	static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !path.startsWith("/api/");
	}

}

package dev.lantu.accounts.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/** Refusals for the API as RFC 9457 problem details, like every other error of the API. */
final class ProblemResponses {

	static final RequestMatcher API = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/");

	/** Written before Spring MVC (in the security filters), so not by its message converters */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("code", code);
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}

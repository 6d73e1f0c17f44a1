package dev.lantu.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code lantu.limits.max-body} (2 MB by default) with 413, before the body is
 * read: JSON, YAML, forms, anything but multipart uploads, which have their own limits
 * ({@code spring.servlet.multipart.*}; the enterprise import takes files of millions of rows).
 * <ul>
 * <li>A declared Content-Length over the limit is refused at once; nothing of the body is read.</li>
 * <li>A chunked body (no Content-Length) is read up to the limit and refused as soon as one byte more arrives;
 * under the limit it is handed on from memory, so it holds at most the limit per request.</li>
 * <li>A chunked form posted (POST) is parsed by Tomcat, whose form limit
 * ({@code server.tomcat.max-http-form-post-size}) is set to the same number; its refusal becomes the same 413
 * instead of Tomcat's bare page. A form sent with PUT, PATCH or DELETE, which Tomcat does not parse (Spring's
 * FormContentFilter reads it), is read up to the limit like any other chunked body.</li>
 * </ul>
 * API clients get an RFC 9457 problem detail naming the limit; a browser asking for a page gets the error page
 * in its language. Ordered first, so no other filter reads the body before it is checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

	/** The request attribute naming the limit a refused request exceeded, for the error page and the tests. */
	static final String LIMIT_ATTRIBUTE = BodySizeLimit.class.getName() + ".limit";

	private final long maxBytes;

	BodySizeLimit(@Value("${lantu.limits.max-body:2MB}") DataSize maxBody) {
		this.maxBytes = maxBody.toBytes();
	}

	long maxBytes() {
		return maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isMultipart(request)) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			refuse(request, response, "the request body is " + declared + " bytes");
			return;
		}
		if (declared >= 0 || !hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (isForm(request) && "POST".equals(request.getMethod())) {
			try {
				request.getParameterMap();
			}
			catch (InvalidParameterException e) {
				if (e.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
					refuse(request, response, "the form posted in chunks is larger");
					return;
				}
				throw e;
			}
			chain.doFilter(request, response);
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
		if (body.length > maxBytes) {
			refuse(request, response, "the request body, sent in chunks, passed " + maxBytes + " bytes");
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith("multipart/");
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	/** Without a Content-Length a request has a body only when it says it is chunked. */
	private static boolean hasBody(HttpServletRequest request) {
		String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
		return encoding != null && encoding.toLowerCase().contains("chunked");
	}

	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		int n;
		while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
			out.write(buffer, 0, n);
			total += n;
		}
		return out.toByteArray();
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String found)
			throws ServletException, IOException {
		String detail = found + "; this server takes at most " + maxBytes + " bytes (" + human(maxBytes)
				+ ") in a request body other than a file upload";
		request.setAttribute(LIMIT_ATTRIBUTE, maxBytes);
		// the rest of the body is not wanted: Tomcat closes the connection rather than read much of it
		response.setHeader(HttpHeaders.CONNECTION, "close");
		if (PageErrors.wantsPage(request)) {
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.PAYLOAD_TOO_LARGE.value());
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			request.setAttribute(RequestDispatcher.ERROR_MESSAGE, detail);
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			request.getRequestDispatcher("/error").forward(new QueryOnly(request), response);
			return;
		}
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"https://lantu.dev/problems/body-too-large\",\"title\":\"Request body too large\","
					+ "\"status\":413,\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI())
					+ ",\"limit\":" + maxBytes + "}");
	}

	static String human(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		if (bytes % 1024 == 0) {
			return bytes / 1024 + " KB";
		}
		return bytes + " bytes";
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** A chunked body already read (and within the limit), handed on from memory. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

	}

	/**
	 * The refused request as the error page sees it: its parameters from the query string only (?lang=en), so
	 * nothing reads the body that was refused.
	 */
	private static final class QueryOnly extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		QueryOnly(HttpServletRequest request) {
			super(request);
			Map<String, String[]> found = new LinkedHashMap<>();
			String query = request.getQueryString();
			if (query != null) {
				for (String pair : query.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int eq = pair.indexOf('=');
					String name = decode(eq < 0 ? pair : pair.substring(0, eq));
					String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
					found.merge(name, new String[] { value }, (a, b) -> {
						String[] both = java.util.Arrays.copyOf(a, a.length + 1);
						both[a.length] = b[0];
						return both;
					});
				}
			}
			this.parameters = Collections.unmodifiableMap(found);
		}

		private static String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				return text;
			}
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			throw new IOException("the body of a refused request is not read");
		}

	}

}

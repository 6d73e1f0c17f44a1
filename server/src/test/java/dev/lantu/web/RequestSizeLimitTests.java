package dev.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies other than file uploads are refused with 413 past lantu.limits.max-body (2 MB by default), before
 * they are read, whether they declare their length or come in chunks; a body just under the limit is served. On a
 * real Tomcat, as its own form limit and chunked bodies only show there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestSizeLimitTests {

	static final int LIMIT = 2 * 1024 * 1024;

	static final String TIANHE_MODEL_COMPANY = """
			{"year": 2025, "date": "2025-03-01",
			 "profile": {"facts": {"district": "440106", "filings": ["生成式人工智能服务备案"]},
			             "yearly": {"rd_expense": {"2024": "800万元"},
			                        "compute_purchases": {"2024": {"value": 320, "unit": "万元"}}}}}""";

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpResponse<String> post(String path, String contentType, String accept, BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", contentType)
			.header("Accept", accept)
			.POST(body)
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A body of exactly {@code bytes} bytes: the content padded with spaces, which JSON and YAML ignore. */
	private static byte[] padded(String content, int bytes) {
		byte[] text = content.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[bytes];
		System.arraycopy(text, 0, body, 0, text.length);
		java.util.Arrays.fill(body, text.length, bytes, (byte) ' ');
		return body;
	}

	/** As HttpClient sends a stream of unknown length: chunked, no Content-Length. */
	private static BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	private static void assertRefusedAsProblem(HttpResponse<String> response, String path) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":413", "\"title\":\"Request body too large\"",
				"\"limit\":" + LIMIT, "at most " + LIMIT + " bytes (2 MB)", "\"instance\":\"" + path + "\"");
	}

	@Test
	void shouldRefuseAThreeMegabyteCalculationWith413NamingTheLimit() throws Exception {
		HttpResponse<String> response = post("/api/v1/policy/calculate", "application/json", "application/json",
				BodyPublishers.ofByteArray(padded(TIANHE_MODEL_COMPANY, 3 * 1024 * 1024)));
		assertRefusedAsProblem(response, "/api/v1/policy/calculate");
		assertThat(response.body()).contains("the request body is " + 3 * 1024 * 1024 + " bytes");
	}

	@Test
	void shouldRefuseAThreeMegabyteSystemToValidateWith413() throws Exception {
		HttpResponse<String> response = post("/api/v1/systems/validate", "application/yaml", "application/json",
				BodyPublishers.ofByteArray(padded("code: x\n#", 3 * 1024 * 1024)));
		assertRefusedAsProblem(response, "/api/v1/systems/validate");
	}

	@Test
	void shouldServeABodyJustUnderTheLimit() throws Exception {
		HttpResponse<String> calculation = post("/api/v1/policy/calculate", "application/json", "application/json",
				BodyPublishers.ofByteArray(padded(TIANHE_MODEL_COMPANY, LIMIT)));
		assertThat(calculation.statusCode()).isEqualTo(200);
		assertThat(calculation.body()).contains("\"text\":\"230万元\"");
		HttpResponse<String> validation = post("/api/v1/systems/validate", "application/yaml", "application/json",
				BodyPublishers.ofByteArray(padded("code: x\n#", LIMIT - 1)));
		assertThat(validation.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAChunkedBodyOnceItPassesTheLimit() throws Exception {
		HttpResponse<String> response = post("/api/v1/policy/calculate", "application/json", "application/json",
				chunked(padded(TIANHE_MODEL_COMPANY, 3 * 1024 * 1024)));
		assertRefusedAsProblem(response, "/api/v1/policy/calculate");
		assertThat(response.body()).contains("sent in chunks, passed " + LIMIT + " bytes");
	}

	@Test
	void shouldServeAChunkedBodyUnderTheLimitAsSent() throws Exception {
		HttpResponse<String> response = post("/api/v1/policy/calculate", "application/json", "application/json",
				chunked(padded(TIANHE_MODEL_COMPANY, LIMIT)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"text\":\"230万元\"");
	}

	@Test
	void shouldAnswerABrowserPostingATooLargeFormWithTheErrorPageInItsLanguage() throws Exception {
		byte[] form = ("file=x.csv&csv=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> chinese = post("/projects/import/rejects", "application/x-www-form-urlencoded",
				"text/html,application/xhtml+xml", BodyPublishers.ofByteArray(form));
		assertThat(chinese.statusCode()).isEqualTo(413);
		assertThat(chinese.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(chinese.body()).contains("请求过大", "/projects/import/rejects");
		HttpResponse<String> english = post("/projects/import/rejects?lang=en", "application/x-www-form-urlencoded",
				"text/html", BodyPublishers.ofByteArray(form));
		assertThat(english.statusCode()).isEqualTo(413);
		assertThat(english.body()).contains("Too large");
	}

	@Test
	void shouldRefuseAChunkedFormPastTomcatsFormLimitWith413() throws Exception {
		byte[] form = ("file=x.csv&csv=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> response = post("/projects/import/rejects", "application/x-www-form-urlencoded",
				"application/json", chunked(form));
		assertRefusedAsProblem(response, "/projects/import/rejects");
	}

	@Test
	void shouldRefuseAChunkedFormPutPastTheLimit() throws Exception {
		// Tomcat parses only POSTed forms; Spring's FormContentFilter would read this one, unbounded
		byte[] form = ("note=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects/1"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.PUT(chunked(form))
			.build();
		assertRefusedAsProblem(client.send(request, HttpResponse.BodyHandlers.ofString()), "/api/v1/projects/1");
	}

	@Test
	void shouldLeaveUploadsToTheMultipartLimits() throws Exception {
		String boundary = "lantuboundary";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n项目名称,投资方,所属区,阶段,阶段日期\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		byte[] body = padded(head, 3 * 1024 * 1024);
		byte[] end = tail.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(end, 0, body, body.length - end.length, end.length);
		HttpResponse<String> response = post("/api/v1/projects/import?dryRun=true",
				"multipart/form-data; boundary=" + boundary, "application/json", BodyPublishers.ofByteArray(body));
		// a 3 MB upload passes the 2 MB body limit: whatever the import says of it, it is no 413
		assertThat(response.statusCode()).isNotEqualTo(413);
		assertThat(response.body()).doesNotContain("Request body too large");
	}

}

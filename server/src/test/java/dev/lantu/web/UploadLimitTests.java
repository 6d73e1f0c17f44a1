package dev.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload over spring.servlet.multipart's limits (1 GB in production, 64 KB here so the test need not send a
 * gigabyte) is answered with 413: a problem detail naming the limit for API clients, the error page for browsers;
 * not a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=64KB",
				"lantu.demo.synthetic-enterprises=0", "lantu.demo.synthetic-projects=0" })
class UploadLimitTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> upload(String path, String accept) throws Exception {
		String boundary = "lantuboundary";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n统一社会信用代码,企业名称\n";
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[200 * 1024];
		Arrays.fill(body, (byte) 'x');
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(end, 0, body, body.length - end.length, end.length);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", accept)
			.POST(BodyPublishers.ofByteArray(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldAnswerAnApiUploadOverTheLimitWithAProblemNamingIt() throws Exception {
		HttpResponse<String> response = upload("/api/v1/enterprises/import", "application/json");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"title\":\"Upload too large\"");
	}

	@Test
	void shouldAnswerABrowserUploadOverTheLimitWithTheErrorPage() throws Exception {
		HttpResponse<String> response = upload("/enterprises/import", "text/html");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("请求过大");
	}

}

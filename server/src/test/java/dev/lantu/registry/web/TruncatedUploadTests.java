package dev.lantu.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lantu.registry.EnterpriseFilter;
import dev.lantu.registry.EnterpriseService;

/**
 * An upload cut off mid-way (the client announces more than it sends) is refused with 400 before any
 * controller sees it, and imports nothing. (The multipart parser fails before a handler is chosen, so the
 * answer is Spring Boot's error body, not the API's problem details.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TruncatedUploadTests {

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseService enterprises;

	@Test
	void shouldAnswerATruncatedUploadWithAProblem() throws Exception {
		String boundary = "lantuboundary";
		String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"企业.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n统一社会信用代码,企业名称,所属区\n914401";
		byte[] body = part.getBytes(StandardCharsets.UTF_8);
		String request = "POST /api/v1/enterprises/import HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + (body.length + 500)
				+ "\r\n\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).contains("\"path\":\"/api/v1/enterprises/import\"");
		}
		assertThat(enterprises.search(new EnterpriseFilter("9144", null, null, null, null), 0, 1).total()).isZero();
	}

}

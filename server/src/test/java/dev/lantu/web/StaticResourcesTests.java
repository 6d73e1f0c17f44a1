package dev.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The static files are served under /css, /js and /webjars (ECharts without its version in the path, as the pages
 * link it), though Spring Boot's catch-all handler is off; nothing else is served as a static file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticResourcesTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/css/lantu.css", "/js/layout-map.js", "/js/system-tree.js",
			"/webjars/echarts/dist/echarts.min.js", "/webjars/echarts/5.3.1/dist/echarts.min.js" })
	void shouldServeTheStaticFiles(String path) throws Exception {
		HttpResponse<String> response = get(path, "*/*");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.body()).isNotEmpty();
	}

	@Test
	void shouldServeEveryScriptAndStyleTheMapLinks() throws Exception {
		String html = get("/", "text/html").body();
		Matcher links = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"").matcher(html);
		int found = 0;
		while (links.find()) {
			found++;
			assertThat(get(links.group(1), "*/*").statusCode()).as(links.group(1)).isEqualTo(200);
		}
		assertThat(found).isGreaterThanOrEqualTo(3);
	}

	@Test
	void shouldServeNoOtherClassPathFile() throws Exception {
		assertThat(get("/static/css/lantu.css", "*/*").statusCode()).isEqualTo(404);
		assertThat(get("/application.yaml", "*/*").statusCode()).isEqualTo(404);
	}

}

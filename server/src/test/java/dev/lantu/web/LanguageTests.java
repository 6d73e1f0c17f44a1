package dev.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Chinese first; ?lang= switches the language and a cookie keeps it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LanguageTests {

	@LocalServerPort
	int port;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.build();
		return browser.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	@Test
	void shouldSpeakChineseByDefault() throws Exception {
		assertThat(get("/")).contains("<html lang=\"zh-CN\"", "布局图", "产业体系", "布局矩阵", "排名");
	}

	@Test
	void shouldIgnoreTheBrowsersLanguageUntilAskedToSwitch() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.header("Accept", "text/html")
			.header("Accept-Language", "en-US,en;q=0.9")
			.build();
		assertThat(browser.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("<html lang=\"zh-CN\"");
	}

	@Test
	void shouldSwitchToEnglishAndKeepItInACookie() throws Exception {
		assertThat(get("/?lang=en")).contains("<html lang=\"en\"", "Layout map", "Industrial systems", "Rankings");
		assertThat(get("/layout")).contains("<html lang=\"en\"", "Layout matrix");
		assertThat(get("/layout?lang=zh")).contains("<html lang=\"zh-CN\"", "布局矩阵");
	}

	@Test
	void shouldIgnoreALanguageItHasNoMessagesFor() throws Exception {
		assertThat(get("/?lang=fr")).contains("<html lang=\"zh-CN\"", "布局图");
	}

	@Test
	void shouldLinkToTheSamePageInTheOtherLanguageKeepingItsParameters() throws Exception {
		String html = get("/rankings?indicator=gdp_growth&year=2024");
		assertThat(html).contains("href=\"/rankings?indicator=gdp_growth&amp;year=2024&amp;lang=en\"",
				"href=\"/rankings?indicator=gdp_growth&amp;year=2024&amp;lang=zh\"");
	}

	@Test
	void shouldLinkAnErrorPageToTheFailedPageInTheOtherLanguage() throws Exception {
		assertThat(get("/no/such/page")).contains("未找到", "href=\"/no/such/page?lang=en\"");
	}

	@Test
	void shouldLinkTheNavigationToEverySectionAndTheApiDocs() throws Exception {
		assertThat(get("/")).contains("href=\"/\"", "href=\"/systems\"", "href=\"/layout\"", "href=\"/rankings\"",
				"href=\"/swagger-ui\"");
	}

}

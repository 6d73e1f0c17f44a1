package dev.lantu.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.LantuApplication;

/**
 * Two server nodes on one database share their sessions: signed in on one, signed in on the other; signed out
 * on the other, signed out on both.
 */
class SharedSessionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void aSessionStartedOnOneNodeIsKnownToTheOther(@TempDir Path dir) throws Exception {
		String[] settings = { "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("shared")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--lantu.admin.username=nodes", "--lantu.admin.password=shared-by-both-servers",
				"--lantu.demo.synthetic-projects=0", "--lantu.demo.synthetic-enterprises=0" };
		try (ConfigurableApplicationContext first = new SpringApplicationBuilder(LantuApplication.class).run(settings);
				ConfigurableApplicationContext second = new SpringApplicationBuilder(LantuApplication.class).run(settings)) {
			String a = "http://127.0.0.1:" + ((WebServerApplicationContext) first).getWebServer().getPort();
			String b = "http://127.0.0.1:" + ((WebServerApplicationContext) second).getWebServer().getPort();
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

			HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(form.body());
			assertThat(csrf.find()).isTrue();
			String xsrfCookie = cookie(form, "XSRF-TOKEN");
			HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(a + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "XSRF-TOKEN=" + xsrfCookie)
				.POST(HttpRequest.BodyPublishers.ofString("username=nodes&password="
						+ URLEncoder.encode("shared-by-both-servers", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signIn.statusCode()).isEqualTo(302);
			assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
			String session = cookie(signIn, "SESSION");
			assertThat(signIn.headers().allValues("Set-Cookie"))
				.anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax"));

			HttpResponse<String> onSecond = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/account"))
				.header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(onSecond.statusCode()).isEqualTo(200);
			assertThat(onSecond.body()).contains("\"username\":\"nodes\"");

			// a script or curl with the session sends the XSRF-TOKEN cookie back as the X-XSRF-TOKEN header
			String xsrf = cookie(http.send(HttpRequest.newBuilder(URI.create(b + "/account")).header("Cookie", "SESSION=" + session)
				.build(), HttpResponse.BodyHandlers.ofString()), "XSRF-TOKEN");
			HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/account/tokens"))
				.header("Content-Type", "application/json")
				.header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + xsrf)
				.header("X-XSRF-TOKEN", xsrf)
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"script\", \"scope\": \"READ\", \"days\": 1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
			HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/account/tokens"))
				.header("Content-Type", "application/json")
				.header("Cookie", "SESSION=" + session)
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"forged\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as("the session alone does not make a write").isEqualTo(403);

			// signing out on the second node (with the form's CSRF token from that node's page) ends it on the first
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(b + "/account"))
				.header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
			Matcher pageCsrf = CSRF.matcher(page.body());
			assertThat(pageCsrf.find()).isTrue();
			HttpResponse<String> signOut = http.send(HttpRequest.newBuilder(URI.create(b + "/logout"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + cookie(page, "XSRF-TOKEN"))
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + pageCsrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signOut.statusCode()).isEqualTo(302);
			HttpResponse<String> onFirst = http.send(HttpRequest.newBuilder(URI.create(a + "/api/v1/account"))
				.header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(onFirst.statusCode()).isEqualTo(401);
		}
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().allValues("Set-Cookie")));
	}

}

package dev.lantu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;
import dev.lantu.registry.SyntheticRegistryAccess;
import dev.lantu.support.AccessFixture;
import dev.lantu.support.AccessWorld;
import dev.lantu.support.Callers;

/**
 * Every endpoint against every role. The rows are in {@code src/test/resources/access/*.tsv}: method, path
 * (placeholders in braces, named by the modules' {@link AccessFixture}s), body file (or -), and the outcome for
 * anonymous, enterprise user, district officer, policy officer and administrator:
 * <ul>
 * <li>{@code ok}: let through (2xx or 3xx other than to the login page; or 400, 409, 413, 422: the
 * request was judged on its content, so it passed the authorisation)</li>
 * <li>{@code 401} (API) / {@code login} (page: redirected to sign in), {@code 403}, {@code 404}: refused,
 * and how (404 where a record that is not the caller's must not even be confirmed)</li>
 * </ul>
 * Each row runs in a transaction that is rolled back, so the rows don't change each other's world. A second test
 * makes sure no endpoint is missing from the matrix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class AccessMatrixTests {

	static final String[] ROLES = { "anonymous", "enterprise", "district", "policy", "admin" };

	record Row(String source, int line, String method, String path, String body, Map<String, String> expected) {

		@Override
		public String toString() {
			return method + " " + path + " (" + source + ":" + line + ")";
		}

	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

	/** Prepared once per JVM: the fixtures commit their records, the rows roll back their own changes. */
	private static Map<String, String> names;

	private static AccessWorld world;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	static Stream<Row> rows() {
		return matrix().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void everyRoleGetsWhatTheMatrixSays(Row row) throws Exception {
		prepare();
		List<String> wrong = new ArrayList<>();
		for (String role : ROLES) {
			MvcResult result = mvc.perform(build(row, role)).andReturn();
			String outcome = outcome(row.path(), result);
			String expected = row.expected().get(role);
			if (!expected.equals(outcome)) {
				wrong.add(role + ": expected " + expected + ", got " + outcome + " (HTTP " + result.getResponse().getStatus()
						+ " " + abbreviate(result.getResponse().getContentAsString(StandardCharsets.UTF_8)) + ")");
			}
		}
		assertThat(wrong).as(row.toString()).isEmpty();
	}

	@Test
	void everyEndpointIsInTheMatrix() {
		prepare();
		List<Row> rows = matrix();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			String type = mapping.getValue().getBeanType().getName();
			if (!type.startsWith("dev.lantu.")) {
				continue; // Spring Boot's error controller, springdoc's
			}
			RequestMappingInfo info = mapping.getKey();
			var methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				boolean covered = rows.stream()
					.anyMatch(row -> (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals(row.method())))
							&& pattern.matches(org.springframework.http.server.PathContainer.parsePath(path(row))));
				if (!covered) {
					missing.add(methods + " " + pattern + " (" + mapping.getValue().getShortLogMessage() + ")");
				}
			}
		}
		assertThat(missing).as("endpoints with no row in src/test/resources/access/*.tsv").isEmpty();
	}

	private AbstractMockHttpServletRequestBuilder<?> build(Row row, String role) throws IOException {
		String path = path(row);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (row.body().endsWith(".csv") || row.body().endsWith(".xlsx")) {
			byte[] content = body(row.body());
			request = multipart(HttpMethod.valueOf(row.method()), path)
				.file(new MockMultipartFile("file", row.body(), "text/csv", content));
		}
		else {
			request = request(HttpMethod.valueOf(row.method()), path);
			if (!row.body().equals("-")) {
				String text = substitute(new String(body(row.body()), StandardCharsets.UTF_8));
				if (row.body().endsWith(".form")) {
					request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
					for (String pair : text.strip().split("&")) {
						String[] parts = pair.split("=", 2);
						request.param(parts[0], parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
					}
				}
				else {
					request.contentType(row.body().endsWith(".yaml") ? MediaType.parseMediaType("application/yaml")
							: MediaType.APPLICATION_JSON).content(text);
				}
			}
		}
		// the API as a client that takes what an endpoint gives (JSON, GeoJSON, CSV); pages as a browser
		request.accept(isApi(path) ? MediaType.ALL : MediaType.TEXT_HTML);
		return request.with(caller(role));
	}

	private static RequestPostProcessor caller(String role) {
		return switch (role) {
			case "anonymous" -> Callers.anonymous();
			case "enterprise" -> Callers.as(accountOf(Role.ENTERPRISE_USER));
			case "district" -> Callers.as(accountOf(Role.DISTRICT_OFFICER));
			case "policy" -> Callers.as(accountOf(Role.POLICY_OFFICER));
			default -> Callers.as(accountOf(Role.CITY_ADMIN));
		};
	}

	static Caller accountOf(Role role) {
		return switch (role) {
			case ENTERPRISE_USER -> Callers.account("matrix-enterprise", role, null, null, world.ownUscc());
			case DISTRICT_OFFICER -> Callers.account("matrix-district", role, world.ownDistrict(), null, null);
			case POLICY_OFFICER -> Callers.account("matrix-policy", role, null, world.ownIssuer(), null);
			case CITY_ADMIN -> Callers.account("matrix-admin", role, null, null, null);
		};
	}

	private static String outcome(String path, MvcResult result) {
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		if (status == 302 && location != null && location.contains("/login")) {
			return "login";
		}
		return switch (status) {
			case 401, 403, 404 -> String.valueOf(status);
			default -> status < 400 || status == 400 || status == 409 || status == 413 || status == 422 ? "ok"
					: "HTTP " + status;
		};
	}

	private static boolean isApi(String path) {
		return path.startsWith("/api/");
	}

	private synchronized void prepare() {
		if (names != null) {
			return;
		}
		Random random = new Random(20261129);
		world = new AccessWorld("440106", "440104", SyntheticRegistryAccess.uscc("440106", random),
				SyntheticRegistryAccess.uscc("440104", random), "广州市天河区", "广州市海珠区科技工业商务和信息化局");
		Map<String, String> prepared = new HashMap<>();
		prepared.put("ownDistrict", world.ownDistrict());
		prepared.put("otherDistrict", world.otherDistrict());
		prepared.put("ownUscc", world.ownUscc());
		prepared.put("otherUscc", world.otherUscc());
		for (AccessFixture fixture : ServiceLoader.load(AccessFixture.class)) {
			// the fixtures work as the system, outside the row's transaction: their records stay for every row
			var work = new org.springframework.transaction.support.TransactionTemplate(
					context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
			work.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			prepared.putAll(work.execute(status -> fixture.prepare(context, world)));
		}
		names = prepared;
	}

	private static String path(Row row) {
		return substitute(row.path());
	}

	private static String substitute(String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = names.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("no fixture names {" + matcher.group(1) + "}: " + text);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(out).toString();
	}

	private static byte[] body(String name) throws IOException {
		try (InputStream in = AccessMatrixTests.class.getResourceAsStream("/access/bodies/" + name)) {
			if (in == null) {
				throw new IllegalStateException("no body file access/bodies/" + name);
			}
			return in.readAllBytes();
		}
	}

	static List<Row> matrix() {
		List<Row> rows = new ArrayList<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:access/*.tsv")) {
				String source = file.getFilename();
				List<String> lines = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8).lines().toList();
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i).strip();
					if (line.isEmpty() || line.startsWith("#")) {
						continue;
					}
					String[] cells = line.split("\\s+");
					if (cells.length != 3 + ROLES.length) {
						throw new IllegalStateException(source + ":" + (i + 1) + ": expected " + (3 + ROLES.length)
								+ " cells (method, path, body, " + String.join(", ", ROLES) + "), found " + cells.length);
					}
					Map<String, String> expected = new LinkedHashMap<>();
					for (int r = 0; r < ROLES.length; r++) {
						String cell = cells[3 + r];
						if (!List.of("ok", "401", "403", "404", "login").contains(cell)) {
							throw new IllegalStateException(source + ":" + (i + 1) + ": outcome " + cell
									+ " is none of ok, 401, 403, 404, login");
						}
						expected.put(ROLES[r], cell);
					}
					rows.add(new Row(source, i + 1, cells[0], cells[1], cells[2], expected));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}

	private static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
	}

}

package dev.lantu.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.LantuApplication;

/**
 * A schema of its own on the PostgreSQL that LANTU_TEST_PG_URL names, for one test; dropped afterwards.
 * Tests using it are annotated {@code @EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")}.
 */
public final class PostgresSchema implements AutoCloseable {

	public static final String URL = System.getenv("LANTU_TEST_PG_URL");

	private static final String USER = System.getenv().getOrDefault("LANTU_TEST_PG_USER", "postgres");

	private static final String PASSWORD = System.getenv().getOrDefault("LANTU_TEST_PG_PASSWORD", "");

	private final String schema = "lantu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	/** The schema's name, for a server started as a process ({@code --spring.flyway.schemas}). */
	public String schema() {
		return schema;
	}

	public String user() {
		return USER;
	}

	public String password() {
		return PASSWORD;
	}

	public String url() {
		return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), USER, PASSWORD);
	}

	/** Starts the application (no web server) on this schema, with any further arguments. */
	public ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 4];
		all[0] = "--spring.datasource.url=" + url();
		all[1] = "--spring.datasource.username=" + USER;
		all[2] = "--spring.datasource.password=" + PASSWORD;
		all[3] = "--spring.flyway.schemas=" + schema;
		System.arraycopy(args, 0, all, 4, args.length);
		return new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE).run(all);
	}

	@Override
	public void close() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
	}

}

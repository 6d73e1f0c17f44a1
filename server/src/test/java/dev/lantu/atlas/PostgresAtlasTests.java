package dev.lantu.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

import dev.lantu.LantuApplication;
import dev.lantu.support.PostgresSchema;

/**
 * The whole Guangzhou dataset loads on a real PostgreSQL and answers exactly as on H2. Runs when
 * LANTU_TEST_PG_URL names a database (`.ci/run` sets it); each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class PostgresAtlasTests {

	private final PostgresSchema postgres = new PostgresSchema();

	private ConfigurableApplicationContext startOnH2() {
		return new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE).run();
	}

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	/** Every answer the atlas gives over the dataset, as one JSON document. */
	private static String answers(AtlasService atlas) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("districts", atlas.districts());
		answers.put("systems", atlas.systems(null));
		atlas.systems(null).forEach(s -> answers.put("system " + s.id(), atlas.system(s.id(), (java.time.LocalDate) null)));
		Layout layout = atlas.layout(null);
		answers.put("layout", layout.matrix());
		answers.put("overlaps", layout.overlaps(1));
		answers.put("gaps", layout.gaps());
		atlas.districts().forEach(d -> {
			answers.put("coverage " + d.code(), atlas.coverage(d.code(), null));
			answers.put("indicators " + d.code(), atlas.indicators(d.code()));
			answers.put("claims " + d.code(), atlas.claims(d.code()));
			answers.put("boundary " + d.code(), atlas.boundary(d.code()).orElse(null));
		});
		atlas.indicatorDefinitions().forEach(i -> answers.put("ranking " + i.id(), atlas.ranking(i.id(), null)));
		return JsonMapper.builder().build().writeValueAsString(answers);
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = postgres.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	@Test
	void shouldAnswerOnPostgresExactlyAsOnH2() {
		String onH2;
		try (var context = startOnH2()) {
			onH2 = answers(context.getBean(AtlasService.class));
		}
		try (var context = postgres.start()) {
			assertThat(answers(context.getBean(AtlasService.class))).isEqualTo(onH2);
		}
		assertThat(onH2).contains("12126").contains("6614.7");
	}

	@Test
	void shouldWriteNothingOnPostgresWhenRestartedWithTheSameDataset() throws SQLException {
		postgres.start().close();
		long systems = count("select count(*) from atlas_system");
		postgres.start().close();
		assertThat(count("select count(*) from dataset_load")).isEqualTo(1);
		assertThat(count("select count(*) from atlas_system")).isEqualTo(systems).isEqualTo(9);
	}

}

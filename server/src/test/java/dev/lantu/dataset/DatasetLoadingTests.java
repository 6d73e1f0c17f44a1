package dev.lantu.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.LantuApplication;
import dev.lantu.atlas.AtlasService;
import dev.lantu.support.TestDataset;

/**
 * Start-up loading on a database that outlives the application, as ./data does: a second start
 * writes nothing, a changed definition adds a version, a broken dataset writes nothing at all.
 */
class DatasetLoadingTests {

	@TempDir
	Path temp;

	private String databaseUrl() {
		return "jdbc:h2:file:" + temp.resolve("db/lantu") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	private ConfigurableApplicationContext start(String dataset) {
		return new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + databaseUrl(), "--lantu.dataset=" + dataset);
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Starts with the dataset, expecting it to be refused; returns the refusal. */
	private DatasetInvalidException refusal(String dataset) {
		Throwable thrown = catchThrowable(() -> start(dataset));
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatasetInvalidException refused) {
				return refused;
			}
		}
		throw new AssertionError("expected the dataset to be refused, but got " + thrown, thrown);
	}

	@Test
	void shouldWriteNothingWhenTheSameDatasetIsLoadedAgain() throws SQLException {
		try (var context = start(TestDataset.BUNDLED.toString())) {
			assertThat(context.getBean(AtlasService.class).districts()).hasSize(11);
		}
		long systems = count("select count(*) from atlas_system");
		long claims = count("select count(*) from atlas_claim");
		try (var context = start(TestDataset.BUNDLED.toString())) {
			assertThat(context.getBean(AtlasService.class).districts()).hasSize(11);
		}
		assertThat(count("select count(*) from dataset_load")).isEqualTo(1);
		assertThat(count("select count(*) from atlas_system")).isEqualTo(systems).isEqualTo(9);
		assertThat(count("select count(*) from atlas_claim")).isEqualTo(claims);
	}

	@Test
	void shouldAddAVersionForAChangedDefinitionAndKeepTheOldOneQueryableByDate() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		start(dataset.location()).close();
		dataset.replace("systems/tianhe-12126.yaml", "effective: 2025-02-07", "effective: 2026-03-01")
			.replace("systems/tianhe-12126.yaml", "name: {zh: 人工智能, en: artificial intelligence}",
					"name: {zh: 人工智能与算力, en: artificial intelligence & computing}");
		try (var context = start(dataset.location())) {
			AtlasService atlas = context.getBean(AtlasService.class);
			assertThat(atlas.versions("gz.tianhe.12126")).extracting(v -> v.version()).containsExactly(1, 2);
			assertThat(atlas.system("gz.tianhe.12126", LocalDate.of(2025, 6, 1)).track("gz.tianhe.ai").get().name().zh())
				.isEqualTo("人工智能");
			assertThat(atlas.system("gz.tianhe.12126", LocalDate.of(2026, 6, 1)).track("gz.tianhe.ai").get().name().zh())
				.isEqualTo("人工智能与算力");
		}
		assertThat(count("select count(*) from atlas_system where id = 'gz.city.12218'")).isEqualTo(1);
		assertThat(count("select count(*) from dataset_load")).isEqualTo(2);
	}

	@Test
	void shouldNotMakeANewVersionForACommentOrFormattingChange() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		start(dataset.location()).close();
		dataset.replace("systems/tianhe-12126.yaml", "scope: district\n", "# a comment\nscope:   district\n");
		start(dataset.location()).close();
		assertThat(count("select count(*) from atlas_system where id = 'gz.tianhe.12126'")).isEqualTo(1);
	}

	@Test
	void shouldRefuseABrokenDatasetWithEveryProblemAndWriteNothing() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		dataset.replace("systems/tianhe-12126.yaml", "to: [gz.cluster.ai]", "to: [gz.cluster.aii]")
			.replace("indicators.csv", "440103,gdp,2024,1316.36", "440103,gdp,2024,x");
		assertThat(refusal(dataset.location()))
			.hasMessageContaining("nothing was written")
			.hasMessageContaining("systems/tianhe-12126.yaml:")
			.hasMessageContaining("'gz.cluster.aii'")
			.hasMessageContaining("indicators.csv:5 value");
		assertThat(count("select count(*) from dataset_load")).isZero();
		assertThat(count("select count(*) from atlas_system")).isZero();
		assertThat(count("select count(*) from atlas_region")).isZero();
	}

	@Test
	void shouldKeepTheLoadedDataWhenAChangedDatasetIsBroken() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		start(dataset.location()).close();
		dataset.replace("systems/tianhe-12126.yaml", "code: \"12126\"", "code: \"12127\"");
		assertThat(refusal(dataset.location())).hasMessageContaining("'12127'");
		assertThat(count("select count(*) from dataset_load")).isEqualTo(1);
		assertThat(count("select count(*) from atlas_system where code = '12127'")).isZero();
		assertThat(count("select count(*) from atlas_system")).isEqualTo(9);
	}

	@Test
	void shouldRefuseADirectoryThatIsNoDataset() {
		assertThat(refusal(temp.resolve("nowhere").toString())).hasMessageContaining("no dataset.yaml");
	}

}

package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.support.PostgresSchema;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;

/**
 * The registry on a real PostgreSQL: the migration, a synthetic registry written in batches, an import
 * that corrects figures and keeps their history, an atomic refusal, search and a round-tripping export.
 * Runs when LANTU_TEST_PG_URL names a database; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class PostgresRegistryTests {

	private final PostgresSchema postgres = new PostgresSchema();

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	@Test
	void shouldImportCorrectSearchAndExportOnPostgres() {
		try (ConfigurableApplicationContext context = postgres.start()) {
			SyntheticRegistry synthetic = context.getBean(SyntheticRegistry.class);
			EnterpriseImport imports = context.getBean(EnterpriseImport.class);
			EnterpriseService enterprises = context.getBean(EnterpriseService.class);
			EnterpriseExport exports = context.getBean(EnterpriseExport.class);

			assertThat(synthetic.generateOnce(1200, 5)).isEqualTo(1200);
			assertThat(enterprises.search(new EnterpriseFilter(null, null, null, null, true), 0, 1).total()).isEqualTo(1200);

			String code = SyntheticRegistry.uscc("440106", new Random(3));
			String header = "统一社会信用代码,企业名称,所属区,行业代码,年度,营业收入（万元）,资质\n";
			EnterpriseImport.Report first = RegistrySheets.run(imports, RegistrySheets.utf8(header + code
					+ ",库测试有限公司,440106,6513,2024,100,高新技术企业(2024-01-01~2026-12-31)\n"), "a.csv", ImportMode.ATOMIC, false)
				.report();
			assertThat(first.problems()).isEmpty();
			EnterpriseImport.Report second = RegistrySheets.run(imports, RegistrySheets.utf8(header + code
					+ ",库测试有限公司,440106,6513,2024,150,高新技术企业(2024-01-01~2027-01-31)\n"), "b.csv", ImportMode.ATOMIC, false)
				.report();
			assertThat(second.updated()).isEqualTo(1);
			EnterpriseDetail detail = enterprises.detail(code);
			assertThat(detail.figureChanges()).singleElement()
				.satisfies(c -> assertThat(c.oldValue()).isEqualTo(100_000_000L));
			assertThat(detail.qualifications()).singleElement()
				.satisfies(q -> assertThat(q.validUntil()).hasToString("2027-01-31"));
			assertThat(detail.changes()).extracting(FieldChange::field).containsExactly("qualification 高新技术企业 valid_until");

			EnterpriseImport.Report refused = RegistrySheets.run(imports, RegistrySheets.utf8(header
					+ SyntheticRegistry.uscc("440106", new Random(4)) + ",好,440106,6513,2024,1,\n" + code + ",坏,440106,9999,2024,1,\n"),
					"c.csv", ImportMode.ATOMIC, false).report();
			assertThat(refused.refused()).isTrue();
			assertThat(enterprises.search(new EnterpriseFilter("好", null, null, null, false), 0, 5).total()).isZero();

			assertThat(enterprises.search(new EnterpriseFilter(null, "440106", "I", QualificationType.HIGH_TECH, false), 0, 5)
				.enterprises()).extracting(EnterpriseSummary::uscc).containsExactly(code);

			ByteArrayOutputStream out = new ByteArrayOutputStream();
			exports.export(new EnterpriseFilter(null, null, null, null, true), null, TableFormat.CSV, out);
			EnterpriseImport.Report again = RegistrySheets.run(imports, out.toByteArray(), "export.csv", ImportMode.ATOMIC, false)
				.report();
			assertThat(again.problems()).isEmpty();
			assertThat(again.unchanged()).isEqualTo(again.rows());
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("（合成）");
		}
	}

}

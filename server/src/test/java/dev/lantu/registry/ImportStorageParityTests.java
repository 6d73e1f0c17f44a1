package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.lantu.LantuApplication;
import dev.lantu.support.PostgresSchema;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;

/**
 * The import writes through COPY on PostgreSQL and through JDBC batches on H2: the same files, imported in
 * the same order on both, must leave the same registry behind (enterprises, former names, figures,
 * qualifications, filings, and the history of every change), and the same reports. The files are large
 * enough to span several batches, and they re-import, correct, rename, skip invalid rows and refuse.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class ImportStorageParityTests {

	private final PostgresSchema postgres = new PostgresSchema();

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	@Test
	void shouldLeaveTheSameRegistryOnPostgresAsOnH2() {
		List<byte[]> files = files();
		try (ConfigurableApplicationContext pg = postgres.start(); ConfigurableApplicationContext h2 = h2()) {
			List<String> pgReports = new ArrayList<>();
			List<String> h2Reports = new ArrayList<>();
			for (int i = 0; i < files.size(); i++) {
				ImportMode mode = i == 3 ? ImportMode.ATOMIC : ImportMode.SKIP_INVALID;
				pgReports.add(report(pg, files.get(i), "file" + i + ".csv", mode));
				h2Reports.add(report(h2, files.get(i), "file" + i + ".csv", mode));
			}
			assertThat(pgReports).containsExactlyElementsOf(h2Reports);
			assertThat(pgReports.get(0)).contains("created=1000");
			assertThat(pgReports.get(1)).contains("figuresChanged=").doesNotContain("figuresChanged=0,").contains("refused=false");
			assertThat(pgReports.get(3)).contains("refused=true");

			Map<String, List<String>> onPostgres = registry(pg);
			Map<String, List<String>> onH2 = registry(h2);
			onH2.forEach((table, rows) -> assertThat(onPostgres.get(table)).as(table).containsExactlyElementsOf(rows));
			assertThat(onH2.get("figure changes")).hasSizeGreaterThan(100);
			assertThat(onH2.get("field changes")).anyMatch(c -> c.contains("|name|"));
			assertThat(onH2.get("former names")).isNotEmpty();
		}
	}

	private static ConfigurableApplicationContext h2() {
		// the tests' configuration gives each context an in-memory H2 of its own
		return new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE).run();
	}

	private static String report(ConfigurableApplicationContext context, byte[] file, String name, ImportMode mode) {
		EnterpriseImport.Report report = RegistrySheets.run(context.getBean(EnterpriseImport.class), file, name, mode, false).report();
		return report.toString().replaceAll("encoding=[^,]*, ", "");
	}

	/**
	 * A synthetic registry of 1,000 enterprises exported as a sheet (file 0); the same with corrected
	 * revenue, renamed and moved enterprises, new years, a prolonged qualification and a bad row (file 1);
	 * file 0's rows in reverse order, so that an enterprise's rows are apart (file 2); and an atomic file
	 * with an invalid row that changes nothing (file 3).
	 */
	private static List<byte[]> files() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ConfigurableApplicationContext source = h2()) {
			source.getBean(SyntheticRegistry.class).generateOnce(1000, 11);
			source.getBean(EnterpriseExport.class).export(new EnterpriseFilter(null, null, null, null, null), null, TableFormat.CSV, out);
		}
		String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
		List<String> header = List.of(lines[0].replace("\uFEFF", "").split(",", -1));
		int name = header.indexOf("企业名称");
		int district = header.indexOf("所属区");
		int revenue = header.indexOf("营业收入（万元）");
		int year = header.indexOf("年度");
		int qualifications = header.indexOf("资质");
		List<String> first = new ArrayList<>(List.of(lines[0]));
		List<String> second = new ArrayList<>(List.of(lines[0]));
		Random random = new Random(7);
		for (int i = 1; i < lines.length; i++) {
			first.add(lines[i]);
			String[] cells = lines[i].split(",", -1);
			int enterprise = cells[0].hashCode();
			if (enterprise % 5 == 0) {
				cells[name] = cells[name] + "（更名）";
			}
			if (enterprise % 7 == 0) {
				cells[district] = "440106";
			}
			if (!cells[revenue].isEmpty() && random.nextInt(3) == 0) {
				cells[revenue] = new java.math.BigDecimal(cells[revenue]).add(java.math.BigDecimal.ONE).toPlainString();
			}
			if (cells[qualifications].contains("~2") && enterprise % 3 == 0) {
				cells[qualifications] = cells[qualifications].replaceFirst("~(\\d{4})", "~2099");
			}
			second.add(String.join(",", cells));
			if (!cells[year].isEmpty() && enterprise % 4 == 0 && i + 1 < lines.length && !lines[i + 1].startsWith(cells[0])) {
				cells[year] = String.valueOf(Integer.parseInt(cells[year]) + 1);
				if (Integer.parseInt(cells[year]) < java.time.LocalDate.now().getYear()) {
					second.add(String.join(",", cells));
				}
			}
		}
		String bad = SyntheticRegistryAccess.uscc("440106", new Random(1));
		second.add(bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0') + ",坏的校验位公司" + ",".repeat(header.size() - 2));
		List<String> reversed = new ArrayList<>(first.subList(1, first.size()));
		java.util.Collections.reverse(reversed);
		reversed.add(0, lines[0]);
		List<String> refused = new ArrayList<>(second);
		refused.add(first.get(1).replaceFirst(",\\d{6},", ",999999,"));
		return List.of(bytes(first), bytes(second), bytes(reversed), bytes(refused));
	}

	private static byte[] bytes(List<String> lines) {
		return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/** Every row the registry holds, each as a line, timestamps and generated ids aside (they differ by nature). */
	private static Map<String, List<String>> registry(ConfigurableApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("enterprises", "select uscc, name, district_code, industry_code, registered_on, status, business_scope, synthetic, "
				+ "version, created_by, updated_by from enterprise order by uscc");
		queries.put("former names", "select uscc, position, name from enterprise_former_name order by uscc, position");
		queries.put("figures", "select uscc, period_year, variable, amount, source, recorded_by from enterprise_figure "
				+ "order by uscc, period_year, variable");
		queries.put("figure changes", "select uscc, period_year, variable, old_amount, new_amount, source, changed_by "
				+ "from enterprise_figure_change order by uscc, id");
		queries.put("field changes", "select uscc, field, old_value, new_value, source, changed_by from enterprise_change order by uscc, id");
		queries.put("qualifications", "select uscc, qualification, valid_from, valid_until, certificate, source, recorded_by "
				+ "from enterprise_qualification order by uscc, qualification, valid_from");
		queries.put("filings", "select uscc, filing, filed_on, reference, source, recorded_by from enterprise_filing "
				+ "order by uscc, filing, filed_on");
		Map<String, List<String>> registry = new LinkedHashMap<>();
		// the databases collate codes differently: sorted here by code, stably, so that each enterprise's history keeps its order
		queries.forEach((table, sql) -> registry.put(table, jdbc.sql(sql).query((rs, n) -> {
			StringBuilder line = new StringBuilder("|");
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				Object value = rs.getObject(i);
				line.append(value instanceof Boolean || value instanceof Number ? value.toString() : rs.getString(i)).append('|');
			}
			return line.toString();
		}).list().stream().sorted(java.util.Comparator.comparing((String line) -> line.substring(0, 20))).toList()));
		return registry;
	}

}

package dev.lantu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.MatchReport;
import dev.lantu.policy.PolicyMatching;

/** {@code java -jar lantu-server.jar match POLICY_ID ...}: a progress bar, the CSV, the same list as the service. */
@ExtendWith(OutputCaptureExtension.class)
class MatchCommandTests {

	@Test
	void shouldWriteEveryMatchOfThePolicyAsCsvWithAProgressBar(@TempDir Path dir, CapturedOutput output) throws Exception {
		String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("lantu")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		MatchReport expected;
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(LantuApplication.class)
			.web(WebApplicationType.NONE).run(database, "--lantu.demo.synthetic-enterprises=600", "--logging.level.root=warn")) {
			expected = server.getBean(PolicyMatching.class).matchAll("haizhu-large-model-2024", null, null, EvaluationPath.BATCH,
					done -> {
					});
		}
		assertThat(expected.eligible()).isPositive();
		Path csv = dir.resolve("海珠.csv");
		assertThat(LantuApplication.match(new String[] { "haizhu-large-model-2024", "--path", "sql", "--out", csv.toString() },
				database)).isZero();
		assertThat(output.getErr()).contains("] 100% 600 of 600 enterprises")
			.contains("haizhu-large-model-2024: 600 enterprises evaluated")
			.contains(String.format("%,d qualify, paid %s in all", expected.eligible(), expected.paid().text()));
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).startsWith("\uFEFF统一社会信用代码,企业名称,所属区,结果,金额（元）");
		assertThat(lines).hasSize(1 + expected.matches().size());
		assertThat(lines.get(1)).startsWith(expected.matches().get(0).uscc() + ",").contains(",符合,");
	}

	@Test
	void shouldExplainItsUsageAndRefuseAnUnknownPolicy(@TempDir Path dir, CapturedOutput output) {
		assertThat(LantuApplication.match(new String[0])).isEqualTo(2);
		assertThat(output.getErr()).contains("usage: java -jar lantu-server.jar match POLICY_ID");
		assertThat(LantuApplication.match(new String[] { "p", "--year" })).isEqualTo(2);
		assertThat(LantuApplication.match(new String[] { "no-such-policy" })).isEqualTo(2);
		assertThat(output.getErr()).contains("no-such-policy");
		assertThat(LantuApplication.match(new String[] { "haizhu-large-model-2024", "--path", "spark" })).isEqualTo(2);
		assertThat(output.getErr()).contains("--path: expected batch or sql, found spark");
	}

}

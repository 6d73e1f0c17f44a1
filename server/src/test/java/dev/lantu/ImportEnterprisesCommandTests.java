package dev.lantu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.lantu.registry.SyntheticRegistryAccess;

/** {@code java -jar lantu-server.jar import-enterprises FILE ...}: progress, report, exit codes, rejects. */
@ExtendWith(OutputCaptureExtension.class)
class ImportEnterprisesCommandTests {

	private static final String HEADER = "统一社会信用代码,企业名称,所属区,年度,营业收入（万元）\n";

	private static String uscc() {
		return SyntheticRegistryAccess.uscc("440106", new Random());
	}

	private static Path write(Path dir, String name, String text) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	@Test
	void shouldImportAFileWithAProgressBar(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path file = write(dir, "企业.csv", HEADER + uscc() + ",命令行甲公司,440106,2024,100\n" + uscc() + ",命令行乙公司,天河区,2024,200\n");
		assertThat(LantuApplication.importEnterprises(new String[] { file.toString(), "--actor", "命令行" })).isZero();
		assertThat(output.getOut()).contains("企业.csv: 2 rows, 2 valid, 0 invalid (UTF-8)")
			.contains("written: 2 enterprises created");
		assertThat(output.getErr()).contains("] 100% done");
	}

	@Test
	void shouldRefuseAnInvalidFileWithExitCodeOneNamingRowAndColumn(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path file = write(dir, "坏.csv", HEADER + uscc() + ",好公司,440106,2024,100\n" + uscc() + ",坏公司,440106,2024,-3\n");
		assertThat(LantuApplication.importEnterprises(new String[] { file.toString() })).isEqualTo(1);
		assertThat(output.getOut()).contains("refused").contains("error   row 3, 营业收入（万元） '-3': a 营业收入 cannot be negative");
	}

	@Test
	void shouldWriteTheRejectsOfASkipInvalidImport(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path file = write(dir, "混合.csv", HEADER + uscc() + ",好公司,440106,2024,100\n" + uscc() + ",坏公司,440199,2024,100\n");
		Path rejects = dir.resolve("out.csv");
		assertThat(LantuApplication.importEnterprises(new String[] { file.toString(), "--mode", "skip-invalid", "--rejects",
				rejects.toString() })).isEqualTo(1);
		assertThat(output.getOut()).contains("written: 1 enterprises created").contains("rejects with reasons: " + rejects);
		assertThat(Files.readString(rejects, StandardCharsets.UTF_8)).contains("坏公司").contains("所属区: no district");
	}

	@Test
	void shouldOnlyCheckInADryRunAndExplainItsUsage(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path file = write(dir, "试.csv", HEADER + uscc() + ",试运行公司,440106,2024,100\n");
		assertThat(LantuApplication.importEnterprises(new String[] { file.toString(), "--dry-run" })).isZero();
		assertThat(output.getOut()).contains("dry run: checked only");
		assertThat(LantuApplication.importEnterprises(new String[0])).isEqualTo(2);
		assertThat(output.getErr()).contains("usage:");
		assertThat(LantuApplication.importEnterprises(new String[] { dir.resolve("none.csv").toString() })).isEqualTo(2);
	}

}

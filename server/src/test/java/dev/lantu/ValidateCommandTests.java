package dev.lantu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.lantu.support.TestDataset;

/** {@code java -jar lantu-server.jar validate DIR} on a good and on a broken dataset. */
@ExtendWith(OutputCaptureExtension.class)
class ValidateCommandTests {

	@Test
	void shouldAcceptTheBundledDatasetAndListWhatIsUnknown(CapturedOutput output) {
		assertThat(LantuApplication.validate(new String[] { TestDataset.BUNDLED.toString() })).isZero();
		assertThat(output.getOut()).contains("0 inconsistent").contains("unknown systems/liwan-1283.yaml:");
	}

	@Test
	void shouldRefuseABrokenDatasetWithExitCodeOneAndThePositionedProblem(@TempDir Path temp, CapturedOutput output) {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp);
		dataset.replace("systems/tianhe-12126.yaml", "code: \"12126\"", "code: \"12127\"");
		assertThat(LantuApplication.validate(new String[] { dataset.location() })).isEqualTo(1);
		assertThat(output.getOut()).contains("error   systems/tianhe-12126.yaml:6:7 code: expected segment numbers");
	}

	@Test
	void shouldExplainItsUsage(CapturedOutput output) {
		assertThat(LantuApplication.validate(new String[0])).isEqualTo(2);
		assertThat(output.getErr()).contains("usage:");
	}

}

package dev.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User-supplied file names: a path or a control character is refused, and a name echoed in a header is made plain. */
class FileNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "..\\..\\x.csv", "/abs/path.csv", "C:\\Users\\x.csv", "a\u0000.csv",
			"a\r\nX-Evil: 1.csv", "a\n.csv", "..", ".", "sub/x.csv" })
	void shouldRefuseANameThatIsAPathOrHoldsControlCharacters(String name) {
		assertThat(FileNames.problem(name)).isNotNull();
		assertThatThrownBy(() -> FileNames.checked("file", name)).isInstanceOf(UnsafeFileNameException.class)
			.hasMessageStartingWith("file: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "projects.csv", "番禺签约.csv", "a..b.xlsx", ".hidden.csv", "2025 签约 (1).xlsx" })
	void shouldTakeAPlainFileName(String name) {
		assertThat(FileNames.problem(name)).isNull();
		assertThat(FileNames.checked("file", name)).isEqualTo(name);
	}

	@org.junit.jupiter.api.Test
	void shouldRefuseANameLongerThanAFileSystemTakes() {
		assertThat(FileNames.problem("x".repeat(251) + ".csv")).isNull();
		assertThat(FileNames.problem("x".repeat(252) + ".csv")).contains("at most 255");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "..\\..\\passwd", "/abs/passwd", "pass\r\nSet-Cookie: a=b\u0000wd",
			"\"passwd\"", "..passwd" })
	void shouldReduceAnEchoedNameToAPlainFileName(String name) {
		String safe = FileNames.forDownload(name, "fallback.csv");
		assertThat(safe).doesNotContain("/", "\\", "\r", "\n", "\u0000", "\"", "..").startsWith("pass").isNotBlank();
		assertThat(FileNames.problem(safe)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "../", "..\\", "\r\n", "...", "/" })
	void shouldFallBackWhenNothingOfTheNameIsLeft(String name) {
		assertThat(FileNames.forDownload(name, "fallback.csv")).isEqualTo("fallback.csv");
	}

}

package dev.lantu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code java -jar lantu-server.jar create-admin USERNAME}: the password from the terminal or standard input. */
@ExtendWith(OutputCaptureExtension.class)
class CreateAdminCommandTests {

	private static int run(Path dir, String stdin, String... args) {
		InputStream previous = System.in;
		System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		try {
			return LantuApplication.createAdmin(args, "--spring.datasource.url=" + url(dir));
		}
		finally {
			System.setIn(previous);
		}
	}

	private static String url(Path dir) {
		return "jdbc:h2:file:" + dir.resolve("lantu") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
	}

	@Test
	void createsAnAdministratorWithAHashedPasswordAndAnAuditEntry(@TempDir Path dir, CapturedOutput output) throws Exception {
		assertThat(run(dir, "a-passphrase-from-stdin\n", "Alice", "--name", "王芳")).isZero();
		assertThat(output.getErr()).contains("Created administrator alice");
		try (Connection connection = DriverManager.getConnection(url(dir), "sa", "")) {
			ResultSet account = connection.createStatement()
				.executeQuery("select username, display_name, role, password_hash from account");
			assertThat(account.next()).isTrue();
			assertThat(account.getString("username")).isEqualTo("alice");
			assertThat(account.getString("display_name")).isEqualTo("王芳");
			assertThat(account.getString("role")).isEqualTo("CITY_ADMIN");
			assertThat(account.getString("password_hash")).startsWith("{bcrypt}").doesNotContain("a-passphrase-from-stdin");
			ResultSet audit = connection.createStatement()
				.executeQuery("select actor, remote_address from audit_entry where action = 'account.create'");
			assertThat(audit.next()).isTrue();
			assertThat(audit.getString("actor")).isEqualTo("system");
		}
	}

	@Test
	void refusesAWeakPasswordOrAMissingUsername(@TempDir Path dir, CapturedOutput output) {
		assertThat(run(dir, "short\n", "bob")).isEqualTo(1);
		assertThat(output.getErr()).contains("password: a password needs at least 12 characters");
		assertThat(run(dir, "", "bob")).isEqualTo(1);
		assertThat(output.getErr()).contains("No password on standard input");
		assertThat(LantuApplication.createAdmin(new String[0])).isEqualTo(2);
		assertThat(output.getErr()).contains("usage: java -jar lantu-server.jar create-admin USERNAME");
	}

}

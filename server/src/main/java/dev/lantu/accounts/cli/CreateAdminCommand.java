package dev.lantu.accounts.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.lantu.accounts.AccountInputException;
import dev.lantu.accounts.AccountService;

/**
 * {@code java -jar lantu-server.jar create-admin USERNAME [--name DISPLAY_NAME]}: creates a city administrator
 * in the configured database. The password is asked twice on the terminal, or read as the first line of standard
 * input when there is no terminal (for scripts); it never appears in the command line. Exit code 0 when created,
 * 1 when refused (each problem named), 2 when the arguments are wrong.
 */
@Component
@ConditionalOnProperty(name = "lantu.command", havingValue = "create-admin")
class CreateAdminCommand implements ApplicationRunner, ExitCodeGenerator {

	private final AccountService accounts;

	private final String username;

	private final String name;

	private int exitCode;

	CreateAdminCommand(AccountService accounts, @Value("${lantu.create-admin.username}") String username,
			@Value("${lantu.create-admin.name:}") String name) {
		this.accounts = accounts;
		this.username = username;
		this.name = name;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		String password = readPassword();
		if (password == null) {
			exitCode = 1;
			return;
		}
		try {
			var account = accounts.createAdministrator(username, name.isBlank() ? username : name, password);
			System.err.println("Created administrator " + account.username() + "; sign in at /login");
		}
		catch (AccountInputException e) {
			e.problems().forEach(problem -> System.err.println(problem.field() + ": " + problem.message()));
			exitCode = 1;
		}
	}

	private static String readPassword() throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("Password for the new administrator: ");
			char[] second = console.readPassword("The same password again: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				System.err.println("The two passwords differ; nothing created");
				return null;
			}
			return new String(first);
		}
		String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (line == null) {
			System.err.println("No password on standard input; nothing created");
			return null;
		}
		return line;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}

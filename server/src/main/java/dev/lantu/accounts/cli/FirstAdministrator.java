package dev.lantu.accounts.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.accounts.AccountInputException;
import dev.lantu.accounts.AccountService;

/**
 * The first administrator, from the environment on the first start: {@code LANTU_ADMIN_USERNAME} and
 * {@code LANTU_ADMIN_PASSWORD} (or {@code LANTU_ADMIN_PASSWORD_FILE}, for secrets mounted as files). Only while
 * there is no administrator; there is never a default password. Without them the server says how to make one.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE) // before the demo data: signing in should not wait for it
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountService accounts;

	private final String username;

	private final String password;

	private final String passwordFile;

	FirstAdministrator(AccountService accounts, @Value("${lantu.admin.username:}") String username,
			@Value("${lantu.admin.password:}") String password,
			@Value("${lantu.admin.password-file:}") String passwordFile) {
		this.accounts = accounts;
		this.username = username;
		this.password = password;
		this.passwordFile = passwordFile;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (accounts.hasAdministrator()) {
			if (!username.isBlank()) {
				log.info("An administrator exists already: LANTU_ADMIN_USERNAME ({}) is not used", username);
			}
			return;
		}
		String secret = passwordFile.isBlank() ? password
				: Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
		if (username.isBlank() || secret.isBlank()) {
			log.warn("No administrator yet: everything public works; to sign in and change data, create one with "
					+ "'java -jar server/target/lantu-server.jar create-admin USERNAME' (asks for the password) or "
					+ "start with LANTU_ADMIN_USERNAME and LANTU_ADMIN_PASSWORD (or LANTU_ADMIN_PASSWORD_FILE) set");
			return;
		}
		try {
			accounts.createFirstAdministrator(username, username, secret)
				.ifPresent(account -> log.info("Created the first administrator, {}, from the environment", account.username()));
		}
		catch (AccountInputException e) {
			throw new IllegalStateException("LANTU_ADMIN_USERNAME / LANTU_ADMIN_PASSWORD refused: " + e.getMessage(), e);
		}
	}

}

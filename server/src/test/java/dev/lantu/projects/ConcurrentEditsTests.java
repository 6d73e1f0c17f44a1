package dev.lantu.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.LantuApplication;
import dev.lantu.support.PostgresSchema;

/**
 * Many users change one project at once: every change either lands on the version it was made on or
 * is refused with a conflict, and after retrying none is lost. On H2 and on PostgreSQL.
 */
class ConcurrentEditsTests {

	private static final int USERS = 12;

	private static final int EDITS_PER_USER = 8;

	private static final long FEN_PER_EDIT = 1_000_000L;

	@Test
	void shouldLoseNoUpdateOnH2() throws Exception {
		try (var context = new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE).run()) {
			shouldLoseNoUpdate(context);
		}
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
	void shouldLoseNoUpdateOnPostgres() throws Exception {
		try (PostgresSchema postgres = new PostgresSchema(); var context = postgres.start()) {
			shouldLoseNoUpdate(context);
		}
	}

	/**
	 * Each user adds to the project's investment of one year by reading, adding and writing back: the
	 * classic lost-update pattern. Conflicts make them read again.
	 */
	private static void shouldLoseNoUpdate(ConfigurableApplicationContext context) throws Exception {
		ProjectService projects = context.getBean(ProjectService.class);
		Project project = projects.create(ProjectServiceTests.signedAtTheConference("concurrent"), "setup");
		projects.recordInvestment(project.id(), project.version(), 2025, 0, null, "setup");
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		try {
			List<Callable<Void>> users = new ArrayList<>();
			for (int u = 0; u < USERS; u++) {
				String user = "user" + u;
				users.add(() -> {
					for (int edit = 0; edit < EDITS_PER_USER; edit++) {
						while (true) {
							Project seen = projects.get(project.id());
							long amount = projects.investments(project.id()).get(0).amountFen();
							try {
								projects.recordInvestment(seen.id(), seen.version(), 2025, amount + FEN_PER_EDIT, null, user);
								break;
							}
							catch (ProjectConflictException e) {
								conflicts.incrementAndGet();
							}
						}
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(users)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(projects.investments(project.id()).get(0).amountFen()).isEqualTo(USERS * EDITS_PER_USER * FEN_PER_EDIT);
		assertThat(projects.get(project.id()).version()).isEqualTo(2 + USERS * EDITS_PER_USER);
		assertThat(conflicts.get()).as("the users did get in each other's way").isPositive();
	}

}

package dev.lantu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lantu (蓝图): a city's modern industrial system as working software.
 *
 * <p>Without arguments the jar serves the web UI and the API. {@code validate DIR} checks a dataset
 * directory and lists its problems, touching no database. {@code import-enterprises FILE [--mode
 * atomic|skip-invalid] [--dry-run] [--actor NAME] [--rejects OUT.csv]} imports a registry sheet into the
 * configured database (the server's H2 file must not be open in a running server meanwhile). {@code match
 * POLICY_ID [--year Y] [--date YYYY-MM-DD] [--path batch|sql] [--out FILE.csv]} lists the enterprises of the
 * configured database's registry the policy pays or may pay (免申即享). {@code create-admin USERNAME [--name
 * NAME]} creates a city administrator, asking for the password.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LantuApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("validate")) {
			System.exit(validate(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && args[0].equals("match")) {
			System.exit(match(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && args[0].equals("create-admin")) {
			System.exit(createAdmin(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && args[0].equals("import-enterprises")) {
			System.exit(importEnterprises(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(LantuApplication.class, args);
	}

	static int importEnterprises(String[] args) {
		String file = null;
		List<String> options = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--dry-run" -> options.add("--lantu.import.dry-run=true");
				case "--mode", "--actor", "--rejects" -> {
					if (i + 1 == args.length) {
						return usage("import-enterprises", args[i] + " needs a value");
					}
					options.add("--lantu.import." + args[i].substring(2) + "=" + args[++i]);
				}
				default -> {
					if (args[i].startsWith("--") || file != null) {
						return usage("import-enterprises", "unexpected argument " + args[i]);
					}
					file = args[i];
				}
			}
		}
		if (file == null) {
			return usage("import-enterprises", "the file to import is missing");
		}
		SpringApplication application = new SpringApplication(LantuApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		options.addAll(List.of("--lantu.command=import-enterprises", "--lantu.import.file=" + file,
				"--spring.main.banner-mode=off", "--logging.level.root=warn",
				// a command adds no demo data to the database it imports into
				"--lantu.demo.synthetic-projects=0", "--lantu.demo.synthetic-enterprises=0"));
		return SpringApplication.exit(application.run(options.toArray(String[]::new)));
	}

	static int createAdmin(String[] args, String... settings) {
		String username = null;
		List<String> options = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--name") && i + 1 < args.length) {
				options.add("--lantu.create-admin.name=" + args[++i]);
			}
			else if (args[i].startsWith("--") || username != null) {
				return createAdminUsage("unexpected argument " + args[i]);
			}
			else {
				username = args[i];
			}
		}
		if (username == null) {
			return createAdminUsage("the new administrator's username is missing");
		}
		SpringApplication application = new SpringApplication(LantuApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		options.addAll(List.of("--lantu.command=create-admin", "--lantu.create-admin.username=" + username,
				"--spring.main.banner-mode=off", "--logging.level.root=warn", "--lantu.demo.synthetic-projects=0",
				"--lantu.demo.synthetic-enterprises=0"));
		options.addAll(List.of(settings));
		return SpringApplication.exit(application.run(options.toArray(String[]::new)));
	}

	private static int createAdminUsage(String problem) {
		System.err.println(problem);
		System.err.println("usage: java -jar lantu-server.jar create-admin USERNAME [--name DISPLAY_NAME] "
				+ "(the password is asked, or read from standard input)");
		return 2;
	}

	static int match(String[] args, String... settings) {
		String policy = null;
		List<String> options = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--year", "--date", "--path", "--out" -> {
					if (i + 1 == args.length) {
						return matchUsage(args[i] + " needs a value");
					}
					options.add("--lantu.match." + args[i].substring(2) + "=" + args[++i]);
				}
				default -> {
					if (args[i].startsWith("--") || policy != null) {
						return matchUsage("unexpected argument " + args[i]);
					}
					policy = args[i];
				}
			}
		}
		if (policy == null) {
			return matchUsage("the policy to match is missing");
		}
		SpringApplication application = new SpringApplication(LantuApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		options.addAll(List.of("--lantu.command=match", "--lantu.match.policy=" + policy, "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--lantu.demo.synthetic-projects=0", "--lantu.demo.synthetic-enterprises=0"));
		options.addAll(List.of(settings));
		return SpringApplication.exit(application.run(options.toArray(String[]::new)));
	}

	private static int matchUsage(String problem) {
		System.err.println(problem);
		System.err.println("usage: java -jar lantu-server.jar match POLICY_ID [--year Y] [--date YYYY-MM-DD] [--path batch|sql] "
				+ "[--out FILE.csv]");
		return 2;
	}

	private static int usage(String command, String problem) {
		System.err.println(problem);
		System.err.println("usage: java -jar lantu-server.jar import-enterprises FILE [--mode atomic|skip-invalid] "
				+ "[--dry-run] [--actor NAME] [--rejects OUT.csv]");
		return 2;
	}

	static int validate(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: java -jar lantu-server.jar validate DATASET_DIRECTORY");
			return 2;
		}
		SpringApplication application = new SpringApplication(LantuApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		return SpringApplication.exit(application.run("--lantu.command=validate", "--lantu.dataset=" + args[0],
				"--spring.main.banner-mode=off", "--logging.level.root=warn",
				// a private in-memory database: validating writes nothing anywhere
				"--spring.datasource.url=jdbc:h2:mem:validate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
	}

}

package dev.lantu;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lantu (蓝图): a city's modern industrial system as working software.
 *
 * <p>Without arguments the jar serves the web UI and the API. {@code validate DIR} checks a dataset
 * directory and lists its problems, touching no database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LantuApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("validate")) {
			System.exit(validate(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(LantuApplication.class, args);
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

package dev.lantu.dataset.internal;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetProperties;

/**
 * {@code java -jar lantu-server.jar validate DIR}: checks a dataset as the server would load it and
 * lists every problem, inconsistent first; exits with 1 when the dataset would be refused. Writes
 * nothing.
 */
@Component
@ConditionalOnProperty(name = "lantu.command", havingValue = "validate")
class ValidateDatasetCommand implements ApplicationRunner, ExitCodeGenerator {

	private final DatasetLoader loader;

	private final DatasetProperties properties;

	private final PrintStream out = System.out;

	private int exitCode;

	ValidateDatasetCommand(DatasetLoader loader, DatasetProperties properties) {
		this.loader = loader;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		DatasetDirectory directory = new DatasetDirectory(properties.dataset());
		DatasetLoader.CheckedDataset checked = loader.check(directory);
		var inconsistent = checked.problems().inconsistent();
		var incomplete = checked.problems().incomplete();
		inconsistent.forEach(p -> out.println("error   " + p.message()));
		incomplete.forEach(p -> out.println("unknown " + p.message()));
		out.printf("%s: %d inconsistent (refused when > 0), %d incomplete (loaded, shown as unknown)%n",
				directory.location(), inconsistent.size(), incomplete.size());
		exitCode = inconsistent.isEmpty() ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}


}

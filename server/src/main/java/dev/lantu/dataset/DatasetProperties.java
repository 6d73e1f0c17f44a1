package dev.lantu.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which dataset to load: {@code lantu.dataset} (environment {@code LANTU_DATASET}), a directory or a
 * {@code classpath:} location. The bundled Guangzhou dataset is the default.
 * {@code lantu.command} names a command line task (see {@code LantuApplication}) instead of serving.
 */
@ConfigurationProperties("lantu")
public record DatasetProperties(String dataset, String command) {

	public DatasetProperties {
		if (dataset == null || dataset.isBlank()) {
			dataset = "classpath:datasets/guangzhou";
		}
	}

	/**
	 * The server loads its dataset at start-up; a command such as {@code validate} does its own work instead,
	 * except {@code import-enterprises}, which checks districts against the dataset's regions (loading is
	 * idempotent, so a database that has the dataset already is not changed).
	 */
	public boolean loadAtStartup() {
		return command == null || command.isBlank() || command.equals("import-enterprises");
	}

}

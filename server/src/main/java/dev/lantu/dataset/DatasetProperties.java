package dev.lantu.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which dataset to load: {@code lantu.dataset} (environment {@code LANTU_DATASET}), a directory or a
 * {@code classpath:} location. The bundled Guangzhou dataset is the default.
 */
@ConfigurationProperties("lantu")
public record DatasetProperties(String dataset) {

	public DatasetProperties {
		if (dataset == null || dataset.isBlank()) {
			dataset = "classpath:datasets/guangzhou";
		}
	}

}

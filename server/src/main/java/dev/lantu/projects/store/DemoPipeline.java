package dev.lantu.projects.store;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetProperties;
import dev.lantu.projects.SyntheticProjects;

/**
 * On a new installation, fills the pipeline with {@code lantu.demo.synthetic-projects} synthetic
 * projects (0 turns it off; the postgres profile does), once: a restart adds none.
 */
@Component
@Order(100)
class DemoPipeline implements ApplicationRunner {

	private final SyntheticProjects synthetic;

	private final DatasetProperties properties;

	private final int count;

	DemoPipeline(SyntheticProjects synthetic, DatasetProperties properties,
			@Value("${lantu.demo.synthetic-projects:0}") int count) {
		this.synthetic = synthetic;
		this.properties = properties;
		this.count = count;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.loadAtStartup()) {
			synthetic.generateOnce(count, 20250207L);
		}
	}

}

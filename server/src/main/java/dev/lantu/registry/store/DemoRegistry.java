package dev.lantu.registry.store;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetProperties;
import dev.lantu.registry.SyntheticRegistry;

/**
 * On a new installation, fills the registry with {@code lantu.demo.synthetic-enterprises} synthetic
 * enterprises (0 turns it off; the postgres profile and the tests do), once: a restart adds none.
 */
@Component
@Order(110)
class DemoRegistry implements ApplicationRunner {

	/** The seed of the demo registry: the same on every installation. */
	static final long SEED = 20250401L;

	private final SyntheticRegistry synthetic;

	private final DatasetProperties properties;

	private final int count;

	DemoRegistry(SyntheticRegistry synthetic, DatasetProperties properties,
			@Value("${lantu.demo.synthetic-enterprises:0}") int count) {
		this.synthetic = synthetic;
		this.properties = properties;
		this.count = count;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.loadAtStartup()) {
			synthetic.generateOnce(count, SEED);
		}
	}

}

package dev.lantu.registry.classification;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetProperties;
import dev.lantu.registry.ClassificationService;

/**
 * Keeps the stored tracks up with the registry: at start-up (after the dataset and the demo registry) and then
 * every {@code lantu.classification.catch-up} (default a minute; 0 turns the repetition off), the enterprises
 * imported or changed since their classification are classified by the applied rules. Imports need not know.
 */
@Component
@Order(120)
class ClassificationCatchUp implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClassificationCatchUp.class);

	private final ClassificationService classification;

	private final DatasetProperties properties;

	private final Duration every;

	private ScheduledExecutorService scheduler;

	ClassificationCatchUp(ClassificationService classification, DatasetProperties properties,
			@Value("${lantu.classification.catch-up:PT1M}") Duration every) {
		this.classification = classification;
		this.properties = properties;
		this.every = every;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.command() != null && !properties.command().isBlank()) {
			return; // a command line task does its own work; the next server start catches up
		}
		catchUp();
		if (!every.isZero() && !every.isNegative()) {
			scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, "classification-catch-up");
				thread.setDaemon(true);
				return thread;
			});
			scheduler.scheduleWithFixedDelay(this::catchUp, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void catchUp() {
		try {
			long classified = classification.classifyStale();
			if (classified > 0) {
				log.info("classified {} enterprises new or changed since their last classification", classified);
			}
		}
		catch (RuntimeException e) {
			log.warn("classification catch-up failed; it is tried again later", e);
		}
	}

	@Override
	public void destroy() {
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

}

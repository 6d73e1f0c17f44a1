package dev.lantu.atlas.store;

import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetLoaded;

/**
 * Hands out the current {@link AtlasSnapshot}. A load on this node replaces it at once; a load by
 * another node sharing the database is noticed within {@link #RECHECK}, so several servers stay
 * consistent without asking the database on every call.
 */
@Component
public class AtlasStore {

	static final Duration RECHECK = Duration.ofSeconds(2);

	private final AtlasRepository repository;

	private volatile AtlasSnapshot current;

	private volatile long checkedAt;

	AtlasStore(AtlasRepository repository) {
		this.repository = repository;
	}

	public AtlasSnapshot current() {
		AtlasSnapshot snapshot = current;
		long now = System.nanoTime();
		if (snapshot != null && now - checkedAt < RECHECK.toNanos()) {
			return snapshot;
		}
		synchronized (this) {
			long lastLoad = repository.lastLoadId().orElse(0L);
			if (current == null || current.loadId() != lastLoad) {
				current = repository.read(lastLoad);
			}
			checkedAt = now;
			return current;
		}
	}

	@EventListener
	void on(DatasetLoaded loaded) {
		synchronized (this) {
			current = null;
		}
	}

}

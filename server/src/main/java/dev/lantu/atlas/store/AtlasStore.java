package dev.lantu.atlas.store;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Hands out the current {@link AtlasSnapshot}. The snapshot is rebuilt when another dataset load has
 * happened, which any node sees in the shared database, so several servers stay consistent.
 */
@Component
public class AtlasStore {

	private final AtlasRepository repository;

	private final AtomicReference<AtlasSnapshot> current = new AtomicReference<>();

	AtlasStore(AtlasRepository repository) {
		this.repository = repository;
	}

	public AtlasSnapshot current() {
		long lastLoad = repository.lastLoadId().orElse(0L);
		AtlasSnapshot snapshot = current.get();
		if (snapshot == null || snapshot.loadId() != lastLoad) {
			snapshot = repository.read(lastLoad);
			current.set(snapshot);
		}
		return snapshot;
	}

}

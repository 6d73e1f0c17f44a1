package dev.lantu.atlas.store;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.atlas.definition.AtlasDefinition;
import dev.lantu.atlas.definition.AtlasReader;
import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetPart;
import dev.lantu.dataset.DatasetReading;

/** The atlas's share of a dataset: regions, boundaries, systems, claims, indicators. */
@Component
@Order(10)
class AtlasDatasetPart implements DatasetPart {

	private final AtlasRepository repository;

	AtlasDatasetPart(AtlasRepository repository) {
		this.repository = repository;
	}

	@Override
	public Prepared read(DatasetDirectory directory, DatasetReading reading) {
		AtlasDefinition definition = new AtlasReader(reading).read(directory);
		return load -> repository.write(definition, load);
	}

}

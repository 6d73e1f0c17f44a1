package dev.lantu.dataset.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetInvalidException;
import dev.lantu.dataset.DatasetLoad;
import dev.lantu.dataset.DatasetLoaded;
import dev.lantu.dataset.DatasetWriting;
import dev.lantu.dataset.DatasetPart;
import dev.lantu.dataset.DatasetProperties;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Position;
import dev.lantu.dataset.Problems;
import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourcesReader;
import dev.lantu.dataset.YamlTree;

/**
 * Loads the configured dataset at start-up: reads and checks every part, refuses the whole dataset
 * with all its problems when anything is inconsistent, skips the writes when the same files were
 * loaded before, and otherwise writes every part in one transaction.
 */
@Component
@Order(0)
class DatasetLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

	private final DatasetProperties properties;

	private final List<DatasetPart> parts;

	private final JdbcSourceCatalogue sources;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	DatasetLoader(DatasetProperties properties, List<DatasetPart> parts, JdbcSourceCatalogue sources, JdbcClient jdbc,
			TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.properties = properties;
		this.parts = parts;
		this.sources = sources;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.loadAtStartup()) {
			load(new DatasetDirectory(properties.dataset()));
		}
	}

	/** What a check of a dataset found: its parts ready to write, unless a problem is inconsistent. */
	record CheckedDataset(String datasetId, List<Source> catalogue, List<DatasetPart.Prepared> parts,
			Problems problems) {
	}

	/** Reads and checks every part of the dataset; writes nothing. */
	CheckedDataset check(DatasetDirectory directory) {
		DatasetReading reading = new DatasetReading();
		if (!directory.exists()) {
			reading.problems().inconsistent(Position.of(directory.location() + "/dataset.yaml"),
					"a dataset directory with dataset.yaml", "no dataset.yaml");
			return new CheckedDataset(null, List.of(), List.of(), reading.problems());
		}
		String datasetId = datasetId(directory, reading);
		List<Source> catalogue = SourcesReader.read(directory, reading);
		List<DatasetPart.Prepared> prepared = new ArrayList<>();
		for (DatasetPart part : parts) {
			prepared.add(part.read(directory, reading));
		}
		reading.checkCitations(catalogue.stream().map(Source::id).collect(Collectors.toSet()));
		return new CheckedDataset(datasetId, catalogue, prepared, reading.problems());
	}

	/** Loads a dataset; returns the load that wrote it, or empty when the same files were already loaded. */
	Optional<DatasetLoad> load(DatasetDirectory directory) {
		CheckedDataset checked = check(directory);
		if (checked.problems().hasInconsistencies()) {
			throw new DatasetInvalidException(directory.location(), checked.problems().inconsistent());
		}
		String datasetId = checked.datasetId();
		String fingerprint = directory.fingerprint();
		Optional<String> last = jdbc
			.sql("select fingerprint from dataset_load where dataset_id = ? order by id desc fetch first 1 rows only")
			.param(datasetId)
			.query(String.class)
			.optional();
		if (last.isPresent() && last.get().equals(fingerprint)) {
			log.info("dataset {} ({}) is unchanged since its last load; nothing to write", datasetId,
					directory.location());
			return Optional.empty();
		}
		int incomplete = checked.problems().incomplete().size();
		DatasetLoad load = transaction.execute(status -> {
			DatasetLoad started = start(datasetId, directory.location(), fingerprint, incomplete);
			sources.save(checked.catalogue(), started);
			checked.parts().forEach(part -> part.write(started));
			events.publishEvent(new DatasetWriting(started, incomplete));
			return started;
		});
		log.info("dataset {} loaded from {} ({} facts marked incomplete, shown as unknown)", datasetId,
				directory.location(), incomplete);
		events.publishEvent(new DatasetLoaded(load));
		return Optional.of(load);
	}

	/** The dataset's own id from dataset.yaml; the parts read the rest of that file. */
	private static String datasetId(DatasetDirectory directory, DatasetReading reading) {
		return directory.read("dataset.yaml")
			.flatMap(file -> YamlTree.parse(file.name(), file.text(), reading.problems()))
			.map(root -> root.requiredText("id"))
			.orElse(null);
	}

	private DatasetLoad start(String datasetId, String location, String fingerprint, int incomplete) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into dataset_load (dataset_id, location, fingerprint, loaded_at, incomplete_facts) values (?, ?, ?, ?, ?)")
			.params(datasetId, location, fingerprint, now, incomplete)
			.update(key, "id");
		return new DatasetLoad(key.getKey().longValue(), datasetId, location, fingerprint, now);
	}

}

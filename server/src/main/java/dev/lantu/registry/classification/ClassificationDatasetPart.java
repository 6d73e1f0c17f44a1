package dev.lantu.registry.classification;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetPart;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Position;
import dev.lantu.registry.ClassificationReader;
import dev.lantu.registry.ClassificationRuleSet;
import dev.lantu.registry.ClassificationRules;
import dev.lantu.registry.IndustryClassification;

/**
 * The registry's share of a dataset: {@code classification.yaml}, read after the atlas part so its track ids
 * are checked against the systems. The first rules a database sees apply at once (nothing was classified
 * before); a changed file becomes a pending rule set that applies only once an officer has seen its
 * difference and confirmed it. The same file again writes nothing.
 */
@Component
@Order(40)
class ClassificationDatasetPart implements DatasetPart {

	private static final Logger log = LoggerFactory.getLogger(ClassificationDatasetPart.class);

	static final String LOADER = "dataset loader";

	private final ClassificationRepository repository;

	private final IndustryClassification industries;

	ClassificationDatasetPart(ClassificationRepository repository, IndustryClassification industries) {
		this.repository = repository;
		this.industries = industries;
	}

	@Override
	public Prepared read(DatasetDirectory directory, DatasetReading reading) {
		Optional<DatasetDirectory.DatasetFile> file = directory.read(ClassificationReader.FILE);
		if (file.isEmpty()) {
			reading.problems().incomplete(Position.of(ClassificationReader.FILE),
					"classification rules putting enterprises in tracks", "no classification.yaml; enterprises are in no track");
			return load -> {
			};
		}
		Optional<ClassificationRules> rules = new ClassificationReader(reading, reading.declared("track"), industries)
			.read(file.get().name(), file.get().text());
		String text = file.get().text();
		return load -> rules.ifPresent(r -> store(text, load.id(), load.loadedAt()));
	}

	private void store(String text, long loadId, OffsetDateTime at) {
		String fingerprint = DatasetDirectory.sha256(text);
		Optional<ClassificationRuleSet> last = repository.latestFromDataset();
		if (last.isPresent() && last.get().fingerprint().equals(fingerprint)) {
			return;
		}
		boolean first = repository.applied().isEmpty();
		ClassificationRuleSet.Status status = first ? ClassificationRuleSet.Status.APPLIED : ClassificationRuleSet.Status.PENDING;
		long id = repository.insertRuleSet(ClassificationRuleSet.Origin.DATASET, loadId, fingerprint, text, status, LOADER, at);
		repository.supersedePendingFromDataset(id);
		if (!first) {
			log.info("classification.yaml changed: rule set {} waits for an officer to preview and apply it", id);
		}
	}

}

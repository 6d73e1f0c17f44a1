package dev.lantu.policy.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetLoaded;
import dev.lantu.dataset.Problems;
import dev.lantu.dataset.YamlTree;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.IssuerCap;
import dev.lantu.engine.policy.IssuerCapReader;
import dev.lantu.engine.policy.PolicyReader;
import dev.lantu.engine.policy.SchemaReader;
import dev.lantu.policy.StoredPolicy;

/**
 * The loaded dataset's policies compiled for calculation, held in memory. They are compiled from the
 * YAML stored in the database, not from the dataset directory: a restart with an unchanged dataset
 * writes nothing and still finds them, and several nodes sharing one database agree. A load on this
 * node replaces them at once; a load by another node is noticed within {@link #RECHECK}.
 */
@Component
public class CompiledPolicies {

	static final Duration RECHECK = Duration.ofSeconds(2);

	private final PolicyRepository repository;

	private volatile Snapshot current;

	private volatile long checkedAt;

	CompiledPolicies(PolicyRepository repository) {
		this.repository = repository;
	}

	/**
	 * The policies of one load, compiled against the schema they were checked with.
	 *
	 * @param loadId    the dataset load they belong to; 0 before any load
	 * @param variables the schema's variables in the order the schema declares them
	 */
	public record Snapshot(long loadId, Schema schema, List<Variable> variables, List<IssuerCap> issuerCaps,
			List<StoredPolicy> policies) {

		public Snapshot {
			variables = List.copyOf(variables);
			issuerCaps = List.copyOf(issuerCaps);
			policies = List.copyOf(policies);
		}

		public Optional<StoredPolicy> find(String id) {
			return policies.stream().filter(policy -> policy.id().equals(id)).findFirst();
		}

	}

	public Snapshot current() {
		Snapshot snapshot = current;
		long now = System.nanoTime();
		if (snapshot != null && now - checkedAt < RECHECK.toNanos()) {
			return snapshot;
		}
		synchronized (this) {
			long lastLoad = repository.lastLoadId().orElse(0L);
			if (current == null || current.loadId() != lastLoad) {
				current = compile(lastLoad);
			}
			checkedAt = now;
			return current;
		}
	}

	/** Compiles at start-up, after the dataset's load, so the first calculation does not wait for it. */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		current();
	}

	@EventListener
	void on(DatasetLoaded loaded) {
		synchronized (this) {
			current = null;
		}
	}

	/** Stored texts were valid when written; reading them again gives the same documents. */
	private Snapshot compile(long loadId) {
		Optional<PolicyRepository.StoredText> schemaText = repository.supportFile(PolicyRepository.SCHEMA);
		if (schemaText.isEmpty()) {
			return new Snapshot(loadId, Schema.of(), List.of(), List.of(), List.of());
		}
		SchemaReader.Result schema = SchemaReader.read(schemaText.get().file(), schemaText.get().text());
		if (!schema.succeeded()) {
			throw new IllegalStateException("the stored policy schema no longer reads: " + schema.errors());
		}
		List<IssuerCap> caps = repository.supportFile(PolicyRepository.ISSUERS).map(issuers -> {
			IssuerCapReader.Result read = IssuerCapReader.read(issuers.file(), issuers.text());
			if (!read.succeeded()) {
				throw new IllegalStateException("the stored issuers' caps no longer read: " + read.errors());
			}
			return read.caps();
		}).orElse(List.of());
		PolicyReader reader = new PolicyReader(schema.schema());
		List<StoredPolicy> policies = repository.inDataset().stream().map(stored -> {
			PolicyReader.Result read = reader.read(stored.file(), stored.text());
			if (!read.succeeded()) {
				throw new IllegalStateException("the stored policy " + stored.file() + " no longer reads: " + read.errors());
			}
			return new StoredPolicy(read.document(), stored.version(), stored.file(), stored.text(), stored.testsFile(),
					stored.testsText(), stored.loadedAt());
		}).toList();
		return new Snapshot(loadId, schema.schema(), declaredOrder(schema.schema(), schemaText.get()), caps, policies);
	}

	/** The schema's variables as its file lists them, which is the order a form should ask for them. */
	private static List<Variable> declaredOrder(Schema schema, PolicyRepository.StoredText text) {
		return YamlTree.parse(text.file(), text.text(), new Problems())
			.map(root -> root.list("variables").stream().map(item -> item.text("name")).toList())
			.orElse(List.of())
			.stream()
			.flatMap(name -> schema.variable(name).stream())
			.toList();
	}

}

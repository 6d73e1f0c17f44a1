package dev.lantu.policy.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetDirectory.DatasetFile;
import dev.lantu.dataset.DatasetPart;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Position;
import dev.lantu.dataset.Problems;
import dev.lantu.dataset.YamlTree;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.IssuerCapReader;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.engine.policy.PolicyError;
import dev.lantu.engine.policy.PolicyReader;
import dev.lantu.engine.policy.PolicyTestRunner;
import dev.lantu.engine.policy.SchemaReader;

/**
 * The policies' share of a dataset: {@code policies/schema.yaml} (the enterprise facts clauses read),
 * optionally {@code policies/issuers.yaml} (caps on all the policies of one issuer), every policy
 * {@code policies/<id>.yaml} and its cases {@code policies/<id>.tests.yaml}. A policy the
 * engine cannot read, a region or track the atlas does not declare, a source not in the catalogue, a
 * case that fails: each refuses the dataset as a whole, positioned at file, line and column. Reads
 * after the atlas, whose regions and tracks it checks against.
 */
@Component
@Order(30)
class PoliciesDatasetPart implements DatasetPart {

	static final String DIRECTORY = "policies";

	static final String SCHEMA = DIRECTORY + "/schema.yaml";

	static final String ISSUERS = DIRECTORY + "/issuers.yaml";

	static final String TESTS_SUFFIX = ".tests.yaml";

	private final PolicyRepository repository;

	PoliciesDatasetPart(PolicyRepository repository) {
		this.repository = repository;
	}

	/** What the dataset's policies came to; no schema means the dataset has no policies. */
	record Read(DatasetFile schemaFile, DatasetFile issuersFile, List<PolicyFile> policies) {
	}

	@Override
	public Prepared read(DatasetDirectory directory, DatasetReading reading) {
		Read read = readPolicies(directory, reading);
		return load -> repository.write(read.schemaFile(), read.issuersFile(), read.policies(), load);
	}

	static Read readPolicies(DatasetDirectory directory, DatasetReading reading) {
		List<DatasetFile> files = directory.list(DIRECTORY, ".yaml");
		Optional<DatasetFile> schemaFile = directory.read(SCHEMA);
		Map<String, DatasetFile> tests = new LinkedHashMap<>();
		List<DatasetFile> policyFiles = new ArrayList<>();
		for (DatasetFile file : files) {
			if (file.name().endsWith(TESTS_SUFFIX)) {
				tests.put(file.name(), file);
			}
			else if (!file.name().equals(SCHEMA) && !file.name().equals(ISSUERS)) {
				policyFiles.add(file);
			}
		}
		if (schemaFile.isEmpty()) {
			if (!files.isEmpty()) {
				reading.problems().inconsistent(Position.of(SCHEMA),
						"the schema of the enterprise facts the policies read", "no " + SCHEMA);
			}
			return new Read(null, null, List.of());
		}
		SchemaReader.Result schema = SchemaReader.read(SCHEMA, schemaFile.get().text());
		report(schema.errors(), "a schema of variables the engine reads", reading.problems());
		DatasetFile issuers = directory.read(ISSUERS).orElse(null);
		if (issuers != null) {
			IssuerCapReader.Result caps = IssuerCapReader.read(issuers.name(), issuers.text());
			report(caps.errors(), "issuers' caps the engine reads", reading.problems());
		}
		if (!schema.succeeded()) {
			return new Read(schemaFile.get(), issuers, List.of());
		}
		List<PolicyFile> policies = new ArrayList<>();
		for (DatasetFile file : policyFiles) {
			String testsName = file.name().substring(0, file.name().length() - ".yaml".length()) + TESTS_SUFFIX;
			policy(file, tests.remove(testsName), schema.schema(), reading).ifPresent(policies::add);
		}
		for (DatasetFile orphan : tests.values()) {
			reading.problems().inconsistent(Position.of(orphan.name()), "test cases beside the policy they test ("
					+ orphan.name().replace(TESTS_SUFFIX, ".yaml") + ")", "no such policy");
		}
		return new Read(schemaFile.get(), issuers, List.copyOf(policies));
	}

	private static Optional<PolicyFile> policy(DatasetFile file, DatasetFile tests, Schema schema,
			DatasetReading reading) {
		PolicyReader.Result result = new PolicyReader(schema).read(file.name(), file.text());
		report(result.errors(), "a policy the engine reads", reading.problems());
		if (!result.succeeded()) {
			return Optional.empty();
		}
		PolicyDocument policy = result.document();
		// the reader accepted the file, so it is well-formed YAML: this second look only finds positions
		YamlTree root = YamlTree.parse(file.name(), file.text(), new Problems()).orElseThrow();
		int before = reading.problems().inconsistent().size();
		String stem = file.name().substring(DIRECTORY.length() + 1, file.name().length() - ".yaml".length());
		if (!stem.equals(policy.id())) {
			reading.problems().inconsistent(root.child("id").get().position(),
					"the policy's id to be its file's name, " + stem, "'" + policy.id() + "'");
		}
		reading.declare("policy", policy.id(), root.child("id").get().position());
		checkDeclared(root, "regions", "region", "a region code from regions.yaml", reading);
		checkDeclared(root, "tracks", "track", "a track id of a system in systems/", reading);
		root.child("source").flatMap(source -> source.child("citation"))
			.ifPresent(citation -> reading.cite(citation.asText(), citation.position()));
		if (tests == null) {
			reading.problems().incomplete(Position.of(file.name()), "test cases for the policy in "
					+ file.name().replace(".yaml", TESTS_SUFFIX), "none: the encoding is not proven by cases");
			return reading.problems().inconsistent().size() > before ? Optional.empty()
					: Optional.of(new PolicyFile(policy, file.name(), file.text(), null, null, 0));
		}
		PolicyTestRunner.Report report = new PolicyTestRunner(schema).run(policy, tests.name(), tests.text());
		report(report.errors(), "test cases the engine reads", reading.problems());
		if (report.errors().isEmpty()) {
			YamlTree cases = YamlTree.parse(tests.name(), tests.text(), new Problems()).orElseThrow();
			for (PolicyTestRunner.Mismatch mismatch : report.mismatches()) {
				reading.problems().inconsistent(where(cases, mismatch),
						"the case '" + mismatch.caseName() + "' to pass for clause " + mismatch.clauseId(),
						mismatch.message());
			}
		}
		if (reading.problems().inconsistent().size() > before || !report.passed()) {
			return Optional.empty();
		}
		return Optional.of(new PolicyFile(policy, file.name(), file.text(), tests.name(), tests.text(), report.cases()));
	}

	/** Every member of a list of ids must be declared by an earlier part (regions, tracks). */
	private static void checkDeclared(YamlTree root, String key, String namespace, String expected,
			DatasetReading reading) {
		Set<String> known = reading.declared(namespace);
		for (YamlTree item : root.list(key)) {
			String id = item.asText();
			if (id != null && !known.contains(id)) {
				reading.problems().inconsistent(item.position(), expected,
						"'" + id + "'" + DatasetReading.suggestion(id, known));
			}
		}
	}

	/** Where a failing case says what it expects of the clause, else the case itself. */
	private static Position where(YamlTree cases, PolicyTestRunner.Mismatch mismatch) {
		for (YamlTree testCase : cases.list("cases")) {
			if (mismatch.caseName().equals(testCase.text("name"))) {
				return testCase.child("expected").flatMap(expected -> expected.child(mismatch.clauseId()))
					.map(YamlTree::position)
					.orElse(testCase.position());
			}
		}
		return cases.position();
	}

	private static void report(List<PolicyError> errors, String what, Problems problems) {
		for (PolicyError error : errors) {
			Position position = new Position(error.file(), error.position().line(), error.position().column(),
					error.path());
			String expected = what
					+ (error.suggestion().isEmpty() ? "" : " (" + error.suggestion() + ")");
			problems.inconsistent(position, expected, error.message());
		}
	}

}

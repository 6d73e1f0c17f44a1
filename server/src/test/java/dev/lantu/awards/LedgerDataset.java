package dev.lantu.awards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.lantu.support.TestDataset;

/**
 * The Guangzhou dataset with synthetic policies added for the ledger's tests: two of one issuer
 * (test-ledger-a with a cap of 300万元 per enterprise per year and a budget of 1亿元; test-ledger-b with a cap of
 * 250万元; the issuer's cap of 400万元; the subject 算力补贴 shared with each other and with Tianhe's compute
 * clause), test-ledger-c of another issuer, 200万元 a grant from a budget of 500万元, and test-ledger-d whose
 * project grant pays each project of an enterprise (per: project).
 */
public final class LedgerDataset {

	public static final String A = "test-ledger-a";

	public static final String B = "test-ledger-b";

	public static final String C = "test-ledger-c";

	public static final String D = "test-ledger-d";

	private LedgerDataset() {
	}

	/** Serves a fresh copy of the ledger's dataset to the test's application context. */
	public static void register(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("lantu-ledger-");
		into(directory);
		registry.add("lantu.dataset", directory::toString);
	}

	public static TestDataset into(Path directory) {
		return TestDataset.copyOfGuangzhou(directory)
			.write("policies/test-ledger-a.yaml", resource("ledger-a.yaml"))
			.write("policies/test-ledger-b.yaml", resource("ledger-b.yaml"))
			.write("policies/test-ledger-c.yaml", resource("ledger-c.yaml"))
			.write("policies/test-ledger-d.yaml", resource("ledger-d.yaml"))
			.write("policies/issuers.yaml", resource("issuers.yaml"));
	}

	private static String resource(String name) {
		try (InputStream in = LedgerDataset.class.getResourceAsStream("/awards/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

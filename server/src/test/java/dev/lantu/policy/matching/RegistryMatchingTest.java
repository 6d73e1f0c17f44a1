package dev.lantu.policy.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.lantu.registry.SyntheticRegistry;
import dev.lantu.support.TestDataset;

/**
 * One application for the matching tests: the Guangzhou dataset with one clause paid without an application
 * (Haizhu's 算法备案 award, made proactive here so that 免申即享 has something to show; amounts unchanged), and a
 * synthetic registry of {@value #ENTERPRISES} enterprises, classified into tracks by {@link RuleTracks}. The test classes extending it share it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RuleTracks.class)
abstract class RegistryMatchingTest {

	static final int ENTERPRISES = 3_000;

	static final String HAIZHU = "haizhu-large-model-2024";

	static final String TIANHE = "tianhe-ai-2025";

	private static final TestDataset DATASET = proactiveGuangzhou();

	@Autowired
	SyntheticRegistry synthetic;

	private static TestDataset proactiveGuangzhou() {
		try {
			Path directory = Files.createTempDirectory("lantu-matching");
			directory.toFile().deleteOnExit();
			String file = "policies/" + HAIZHU + ".yaml";
			TestDataset dataset = TestDataset.copyOfGuangzhou(directory);
			String text = dataset.read(file);
			int clause = text.indexOf("  - id: algorithm-filing");
			int delivery = text.indexOf("    delivery: application", clause);
			return dataset.write(file, text.substring(0, delivery) + "    delivery: proactive"
					+ text.substring(delivery + "    delivery: application".length()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void dataset(DynamicPropertyRegistry properties) {
		properties.add("lantu.dataset", DATASET::location);
	}

	@BeforeEach
	void registry() {
		synthetic.generateOnce(ENTERPRISES, 20250401L);
	}

}

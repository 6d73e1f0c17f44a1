package dev.lantu.policy.store;

import dev.lantu.engine.policy.PolicyDocument;

/**
 * A policy as the dataset holds it: the compiled document and the reviewed text it came from, with
 * its test cases beside it.
 *
 * @param testsFile the name of its {@code .tests.yaml}, or {@code null} when it has none
 * @param testCases how many cases its tests ran, all passing
 */
record PolicyFile(PolicyDocument document, String file, String text, String testsFile, String testsText,
		int testCases) {
}

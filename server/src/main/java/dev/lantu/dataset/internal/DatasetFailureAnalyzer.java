package dev.lantu.dataset.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.lantu.dataset.DatasetInvalidException;

/** Turns a refused dataset into a start-up report that lists every problem, without a stack trace. */
class DatasetFailureAnalyzer extends AbstractFailureAnalyzer<DatasetInvalidException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatasetInvalidException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the dataset (see docs/dataset-format.md), or point lantu.dataset / LANTU_DATASET at another one.",
				cause);
	}

}

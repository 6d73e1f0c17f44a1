package dev.lantu.dataset;

/**
 * Published inside the transaction that writes a dataset, so that what must commit with it (the audit entry)
 * does; {@link DatasetLoaded} follows after the commit.
 */
public record DatasetWriting(DatasetLoad load, int incompleteFacts) {
}

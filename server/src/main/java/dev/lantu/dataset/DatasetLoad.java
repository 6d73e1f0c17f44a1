package dev.lantu.dataset;

import java.time.OffsetDateTime;

/** One load of a dataset: the record every row it writes points back to (who, when, what). */
public record DatasetLoad(long id, String datasetId, String location, String fingerprint, OffsetDateTime loadedAt) {
}

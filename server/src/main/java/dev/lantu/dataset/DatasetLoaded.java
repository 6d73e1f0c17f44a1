package dev.lantu.dataset;

/** Published after a dataset was written, so read models built from it can refresh. */
public record DatasetLoaded(DatasetLoad load) {
}

package dev.lantu.atlas;

import java.util.List;

import dev.lantu.dataset.Problem;

/**
 * The outcome of checking a system definition: inconsistent problems make it invalid; incomplete
 * ones say what it leaves unknown.
 */
public record ValidationReport(boolean valid, List<Problem> inconsistent, List<Problem> incomplete) {
}

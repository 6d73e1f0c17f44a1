package dev.lantu.bench.policies;

import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Splits rows into chunks evaluated on all cores (the common fork-join pool), each into its own answers,
 * then merged. A run that passes the benchmark's deadline stops at the next chunk.
 */
public final class Chunks {

    static final int ROWS = 4096;

    private static volatile long deadline = Long.MAX_VALUE;

    private Chunks() {
    }

    /** Thrown when a contestant passes its time limit. */
    public static final class TimeLimitExceeded extends RuntimeException {
        TimeLimitExceeded() {
            super("the time limit has passed", null, false, false);
        }
    }

    /** From now on, a chunk that starts after {@code nanoTime} throws {@link TimeLimitExceeded}. */
    public static void deadline(long nanoTime) {
        deadline = nanoTime;
    }

    public static void noDeadline() {
        deadline = Long.MAX_VALUE;
    }

    public static void checkDeadline() {
        if (System.nanoTime() > deadline) {
            throw new TimeLimitExceeded();
        }
    }

    static Answers parallel(int rows, int clauses, BiFunction<Integer, Integer, Answers> chunk) {
        return parallel(rows, clauses, ROWS, chunk);
    }

    static Answers parallel(int rows, int clauses, int size, BiFunction<Integer, Integer, Answers> chunk) {
        int chunks = (rows + size - 1) / size;
        return IntStream.range(0, chunks).parallel()
                .mapToObj(i -> {
                    checkDeadline();
                    return chunk.apply(i * size, Math.min(rows, (i + 1) * size));
                })
                .reduce(Answers::merge)
                .orElseGet(() -> new Answers(clauses));
    }
}

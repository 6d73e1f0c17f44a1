package dev.lantu.bench.policies;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The policies benchmark: one generated workload, every contestant's answers checked equal to the
 * first contestant's (a mismatch ends the run with the clause and both answers), each timed after a
 * warm-up run. See docs/benchmarks.md.
 */
public final class PoliciesBenchmark {

    /** The contestants by the name {@code --contestants} takes, in the order they run. */
    public static final Map<String, Supplier<Contestant>> CONTESTANTS = new LinkedHashMap<>();

    static {
        CONTESTANTS.put("lantu-batch", LantuBatch::new);
        CONTESTANTS.put("hand", HandWrittenLoop::new);
        CONTESTANTS.put("lantu-single", LantuLooped::new);
        CONTESTANTS.put("duckdb", CompiledSql::duckDb);
        CONTESTANTS.put("postgres", CompiledSql::postgres);
        CONTESTANTS.put("drools", DroolsRules::new);
    }

    /** The options of one run. */
    public record Options(int enterprises, int clauses, List<String> contestants, long seed, int runs, double limitMinutes,
                          boolean sweep, List<Integer> sweepEnterprises, List<Integer> sweepClauses) {
    }

    /** The outcome of one contestant at one size. */
    record Result(String contestant, int enterprises, int clauses, double prepareSeconds, double seconds, int runs,
                  long peakHeapBytes, long heldBytes, long rawBytes, String failure) {
        boolean finished() {
            return failure == null;
        }

        double pairsPerSecond() {
            return (double) enterprises * clauses / seconds;
        }
    }

    private PoliciesBenchmark() {
    }

    public static void run(Options options) throws Exception {
        for (String name : options.contestants()) {
            if (!CONTESTANTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown contestant " + name + "; known: " + CONTESTANTS.keySet());
            }
        }
        System.out.printf("policies benchmark: seed %d, %d cores, max heap %d MiB, Java %s, time limit %.1f min a size%n",
                options.seed(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), options.limitMinutes());
        if (!options.sweep()) {
            List<Result> results = size(options, options.enterprises(), options.clauses(), List.copyOf(options.contestants()),
                    List.of());
            table(results);
            return;
        }
        List<Result> all = new ArrayList<>();
        List<String> alive = new ArrayList<>(options.contestants());
        List<String> byClauses = new ArrayList<>(options.contestants());
        for (int enterprises : options.sweepEnterprises()) {
            List<Result> results = size(options, enterprises, options.clauses(), alive, all);
            all.addAll(results);
            results.stream().filter(r -> !r.finished()).forEach(r -> alive.remove(key(r.contestant())));
        }
        for (int clauses : options.sweepClauses()) {
            if (clauses == options.clauses() && options.sweepEnterprises().contains(options.enterprises())) {
                continue;
            }
            List<Result> results = size(options, options.enterprises(), clauses, byClauses, all);
            all.addAll(results);
            results.stream().filter(r -> !r.finished()).forEach(r -> byClauses.remove(key(r.contestant())));
        }
        System.out.println();
        System.out.println("## all sizes");
        table(all);
        largestFinished(all, options.contestants());
    }

    /** The option name of a contestant's display name. */
    private static String key(String name) {
        return CONTESTANTS.entrySet().stream().filter(e -> e.getValue().get().name().equals(name)).map(Map.Entry::getKey)
                .findFirst().orElse(name);
    }

    /** Every contestant at one size; the first contestant's answers are the reference. */
    static List<Result> size(Options options, int enterprises, int clauses, List<String> contestants, List<Result> earlier)
            throws Exception {
        long started = System.nanoTime();
        Workload workload = Workload.generate(enterprises, clauses, options.seed());
        long raw = workload.table().rawBytes();
        System.out.printf("%n%,d enterprises × %d clauses (%d generated + Haizhu's 4): generated in %.1f s, raw columns %,d MiB%n",
                enterprises, workload.clauses().size(), clauses, seconds(started), raw >> 20);
        List<Result> results = new ArrayList<>();
        Answers reference = null;
        String referenceName = null;
        for (String name : contestants) {
            Result result;
            double estimate = estimateSeconds(CONTESTANTS.get(name).get().name(), (long) enterprises * workload.clauses().size(),
                    earlier);
            if (estimate > options.limitMinutes() * 60) {
                // time grows about linearly with enterprises × clauses: a run that cannot finish is not started
                result = new Result(CONTESTANTS.get(name).get().name(), enterprises, workload.clauses().size(), 0, 0, 0, 0, 0, raw,
                        String.format(Locale.ROOT, "not run: about %.0f min by the largest size it finished", estimate / 60));
                System.out.printf("  %-22s %s%n", result.contestant(), result.failure());
                results.add(result);
                continue;
            }
            try (Contestant contestant = CONTESTANTS.get(name).get()) {
                long before = liveHeap();
                resetPeaks();
                long limit = (long) (options.limitMinutes() * 60e9);
                long prepareStart = System.nanoTime();
                Chunks.deadline(prepareStart + limit);
                contestant.prepare(workload);
                double prepare = seconds(prepareStart);
                long held = liveHeap() - before;
                long warmStart = System.nanoTime();
                Answers answers = contestant.evaluate();
                double warm = seconds(warmStart);
                // the limit is on finishing once; the measured runs repeat what finished
                Chunks.noDeadline();
                if (reference != null) {
                    String difference = reference.firstDifference(answers, workload.clauses());
                    if (difference != null) {
                        throw new IllegalStateException("ANSWERS DIFFER between " + referenceName + " and " + contestant.name()
                                + " at " + enterprises + " enterprises: " + difference);
                    }
                }
                // answers with checksums make the better reference
                if (reference == null || !reference.hasChecksums() && answers.hasChecksums()) {
                    reference = answers;
                    referenceName = contestant.name();
                }
                // a slow contestant is measured once more, a fast one several times
                int runs = warm > 60 ? 1 : options.runs();
                double[] times = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    Answers again = contestant.evaluate();
                    times[i] = seconds(start);
                    String difference = answers.firstDifference(again, workload.clauses());
                    if (difference != null) {
                        throw new IllegalStateException(contestant.name() + " answered differently on a second run: " + difference);
                    }
                }
                Arrays.sort(times);
                result = new Result(contestant.name(), enterprises, workload.clauses().size(), prepare, times[runs / 2], runs,
                        peakHeap(), held, raw, null);
                System.out.printf("  %-22s prepare %7.2f s, warm-up %8.3f s, median of %d %8.3f s%n", contestant.name(), prepare,
                        warm, runs, result.seconds());
            } catch (Chunks.TimeLimitExceeded | java.sql.SQLTimeoutException late) {
                result = new Result(CONTESTANTS.get(name).get().name(), enterprises, workload.clauses().size(), 0, 0, 0, 0, 0, raw,
                        "did not finish in " + options.limitMinutes() + " min");
                System.out.printf("  %-22s did not finish in %.1f min%n", result.contestant(), options.limitMinutes());
            } finally {
                Chunks.noDeadline();
            }
            results.add(result);
        }
        Answers answers = reference;
        if (answers != null) {
            System.out.printf("  all contestants agree: %,d eligible (enterprise, clause) pairs, %,d undetermined, awards %,d fen%n",
                    answers.totalEligible(), undetermined(answers), answers.totalAwardFen());
        }
        return results;
    }

    /** The time one run would take, scaled from the largest size the contestant finished; 0 when it has none. */
    private static double estimateSeconds(String contestant, long pairs, List<Result> earlier) {
        return earlier.stream().filter(r -> r.contestant().equals(contestant) && r.finished())
                .max((a, b) -> Long.compare((long) a.enterprises() * a.clauses(), (long) b.enterprises() * b.clauses()))
                .map(r -> r.seconds() * pairs / ((double) r.enterprises() * r.clauses()))
                .orElse(0.0);
    }

    private static long undetermined(Answers answers) {
        long total = 0;
        for (int c = 0; c < answers.clauses(); c++) {
            total += answers.undetermined(c);
        }
        return total;
    }

    static void table(List<Result> results) {
        System.out.println();
        System.out.println("| enterprises | clauses | contestant | prepare (s) | time (s) | enterprise×clauses / s | × Lantu batch | × hand-written | held after prepare (MiB) | peak heap (MiB) | raw columns (MiB) |");
        System.out.println("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            if (!r.finished()) {
                System.out.printf(Locale.ROOT, "| %,d | %d | %s | | %s | | | | | | |%n", r.enterprises(), r.clauses(), r.contestant(), r.failure());
                continue;
            }
            System.out.printf(Locale.ROOT, "| %,d | %d | %s | %.2f | %.3f | %s | %s | %s | %d | %d | %d |%n", r.enterprises(),
                    r.clauses(), r.contestant(), r.prepareSeconds(), r.seconds(), rate(r.pairsPerSecond()),
                    ratio(r, results, "Lantu batch"), ratio(r, results, "hand-written loop"), Math.max(0, r.heldBytes()) >> 20,
                    r.peakHeapBytes() >> 20, r.rawBytes() >> 20);
        }
    }

    /** How many times the named contestant's time this one took, at the same size. */
    private static String ratio(Result r, List<Result> results, String against) {
        return results.stream()
                .filter(o -> o.contestant().equals(against) && o.finished() && o.enterprises() == r.enterprises()
                        && o.clauses() == r.clauses())
                .findFirst()
                .map(o -> String.format(Locale.ROOT, "%.2f", r.seconds() / o.seconds()))
                .orElse("");
    }

    private static void largestFinished(List<Result> results, List<String> contestants) {
        System.out.println();
        for (String key : contestants) {
            String name = CONTESTANTS.get(key).get().name();
            results.stream().filter(r -> r.contestant().equals(name) && r.finished())
                    .max((a, b) -> Long.compare((long) a.enterprises() * a.clauses(), (long) b.enterprises() * b.clauses()))
                    .ifPresent(r -> System.out.printf("largest size %s finished: %,d enterprises × %d clauses in %.1f s%n", name,
                            r.enterprises(), r.clauses(), r.seconds()));
        }
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", perSecond / 1e9);
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
    }

    /** The heap in use after a full collection: what is live, garbage left out. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since {@link #resetPeaks}: an upper bound on the live heap, table included. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

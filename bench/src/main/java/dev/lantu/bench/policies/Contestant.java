package dev.lantu.bench.policies;

/**
 * One way to answer the workload. {@link #prepare} does what is done once per workload and is timed
 * apart (compiling rules, loading a database); {@link #evaluate} is what the benchmark times, and may
 * run many times.
 */
public interface Contestant extends AutoCloseable {

    String name();

    void prepare(Workload workload) throws Exception;

    Answers evaluate() throws Exception;

    @Override
    default void close() throws Exception {
    }
}

package dev.lantu.bench.policies;

import dev.lantu.engine.policy.Calculation;
import dev.lantu.engine.policy.Calculator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the calculator's single evaluation (政策计算器), every clause of the workload's policies for one
 * enterprise with the full explanation, as {@code POST /api/v1/policy/calculate} computes it. Sampled
 * per call, so JMH reports percentiles (p0.99). Each call takes the next enterprise of a generated
 * registry, so the facts vary as they would between visitors. Run it as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class CalculatorLatency {

    private static final int ENTERPRISES = 4096;

    @Param({ "500" })
    public int clauses;

    private Calculator calculator;
    private RowEnterprise[] enterprises;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Workload workload = Workload.generate(ENTERPRISES, clauses, 42);
        calculator = new Calculator(workload.table().schema(), workload.policies(), List.of());
        enterprises = new RowEnterprise[ENTERPRISES];
        for (int row = 0; row < ENTERPRISES; row++) {
            enterprises[row] = workload.table().row(row);
        }
    }

    @Benchmark
    public Calculation calculateAllClausesWithExplanation() {
        RowEnterprise enterprise = enterprises[next];
        next = (next + 1) % ENTERPRISES;
        return calculator.calculate(enterprise, Workload.APPLICATION_YEAR, Workload.RULE_DATE);
    }
}

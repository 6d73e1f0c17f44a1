package dev.lantu.bench.policies;

import static dev.lantu.bench.policies.Amounts.wan;

import dev.lantu.bench.policies.Workload.WorkloadClause;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ClauseError;
import dev.lantu.engine.policy.ClauseSource;
import dev.lantu.engine.policy.DatedValue;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.Parameter;
import dev.lantu.engine.policy.ParameterSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Draws clauses of the kinds in {@link ClauseSpec} with random numbers in the ranges real policies use
 * (thresholds of 500万 to 1亿元, rates of 5% to 30%, caps of 50万 to 1000万元), and compiles each with the
 * engine. The rate of R&D subsidies is sometimes the parameter {@value #RD_RATE}, which changed on
 * 2025-01-01 (10% → 8%), so the rule date matters.
 */
public final class ClauseGenerator {

    static final String POLICY = "bench-generated";
    static final String RD_RATE = "rd_subsidy_rate";

    private static final List<String> BASES = List.of("rd_expense", "compute_purchases", "data_purchases",
            "algorithm_procurement", "equipment_purchases", "fixed_asset_investment");
    private static final List<String> TIERED_BASES = List.of("rd_expense", "compute_purchases", "fixed_asset_investment",
            "export_value");

    private ClauseGenerator() {
    }

    /** The generated policy's parameters: the R&D rate and its change. */
    public static ParameterSet parameters() {
        return ParameterSet.of(new Parameter(RD_RATE, Type.NUMBER, "研发费用补助比例", List.of(
                new DatedValue(LocalDate.of(2022, 7, 1), Value.number("0.10"), "bench: 研发补助 第五条 (2022)"),
                new DatedValue(LocalDate.of(2025, 1, 1), Value.number("0.08"), "bench: 研发补助 第五条 (2025 修订)"))));
    }

    static List<WorkloadClause> generate(Schema schema, int count, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        ParameterSet parameters = parameters();
        List<WorkloadClause> clauses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClauseSpec spec = draw(String.format("g%04d", i + 1), random);
            clauses.add(new WorkloadClause(spec, compile(spec, schema, parameters), parameters, POLICY));
        }
        return clauses;
    }

    static Clause compile(ClauseSpec spec, Schema schema, ParameterSet parameters) {
        Clause.Compiled compiled = Clause.compile(new ClauseSource(spec.id(), spec.kind(), spec.id(),
                spec.eligibilityText(), spec.awardText(), spec.capFen(), Delivery.ON_APPLICATION, ""), schema, parameters);
        if (!compiled.succeeded()) {
            throw new IllegalStateException("generated clause " + spec.id() + " does not compile: "
                    + compiled.errors().stream().map(ClauseError::toString).collect(Collectors.joining("; "))
                    + "\n eligibility: " + spec.eligibilityText() + "\n award: " + spec.awardText());
        }
        return compiled.clause();
    }

    private static ClauseSpec draw(String number, Random random) {
        int kind = random.nextInt(100);
        List<String> districts = EnterpriseGenerator.DISTRICTS;
        if (kind < 25) {
            String base = pick(random, BASES);
            boolean parameter = base.equals("rd_expense") && random.nextBoolean();
            return new ClauseSpec.RateOfBase(number + "-rate-of-base", wan(pickInt(random, 500, 1000, 2000, 5000, 10000)),
                    EnterpriseGenerator.QUALIFICATIONS.get(random.nextInt(7)), base,
                    parameter ? 800 : pickInt(random, 500, 800, 1000, 1500, 2000, 3000), parameter ? RD_RATE : null,
                    wan(pickInt(random, 50, 100, 200, 500, 1000)));
        }
        if (kind < 40) {
            int tiers = 1 + random.nextInt(3);
            long[] bounds = new long[tiers];
            int[] rates = new int[tiers];
            long[] boundChoices = { wan(500), wan(1000), wan(2000), wan(5000), wan(10000) };
            int[] rateChoices = { 1000, 800, 500, 300, 200 };
            int at = random.nextInt(3);
            for (int t = 0; t < tiers; t++) {
                bounds[t] = boundChoices[at + t];
                rates[t] = rateChoices[at + t];
            }
            return new ClauseSpec.Tiered(number + "-tiered", pickInt(random, 10, 20, 50, 100, 300), pick(random, TIERED_BASES),
                    wan(pickInt(random, 100, 200, 500)), bounds, rates, random.nextBoolean() ? 100 : -1,
                    random.nextBoolean() ? wan(pickInt(random, 500, 1000, 2000)) : null);
        }
        if (kind < 52) {
            int span = 1 + random.nextInt(2);
            return new ClauseSpec.Growth(number + "-growth", span, span * pickInt(random, 1000, 1500, 2000, 3000),
                    wan(pickInt(random, 1000, 2000, 5000)), pickInt(random, 100, 200, 500), wan(pickInt(random, 100, 300, 500)));
        }
        if (kind < 67) {
            List<String> chosen = new ArrayList<>();
            for (int d = 1 + random.nextInt(3); d > 0; d--) {
                String district = pick(random, districts);
                if (!chosen.contains(district)) {
                    chosen.add(district);
                }
            }
            return new ClauseSpec.DistrictTrack(number + "-district-track", chosen, pick(random, EnterpriseGenerator.TRACKS),
                    pickInt(random, 10, 50, 100), wan(pickInt(random, 20, 50, 100, 200)));
        }
        if (kind < 77) {
            return new ClauseSpec.FixedSum(number + "-fixed-sum", pick(random, EnterpriseGenerator.QUALIFICATIONS),
                    LocalDate.of(2015 + random.nextInt(10), 12, 31), wan(pickInt(random, 10, 20, 30, 50, 100)));
        }
        if (kind < 87) {
            return new ClauseSpec.TaxContribution(number + "-tax", pick(random, districts), wan(pickInt(random, 50, 100, 200)),
                    pickInt(random, 20, 50), wan(pickInt(random, 1000, 2000)), wan(pickInt(random, 100, 200)), pickInt(random, 100, 200, 300));
        }
        if (kind < 92) {
            return new ClauseSpec.Headquarters(number + "-headquarters", wan(pickInt(random, 50000, 100000, 200000)),
                    pickInt(random, 50, 100), wan(pickInt(random, 500, 1000, 2000)));
        }
        return new ClauseSpec.Filing(number + "-filing", pick(random, districts),
                random.nextBoolean() ? "llm_filing_first_on" : "algorithm_filing_first_on",
                pick(random, LocalDate.of(2023, 8, 15), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 18)),
                wan(pickInt(random, 20, 50, 100)), null, null);
    }

    private static int pickInt(Random random, int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}

package dev.lantu.bench.policies;

import dev.lantu.bench.policies.Condition.DateFrom;
import dev.lantu.bench.policies.Condition.Flag;
import dev.lantu.bench.policies.Condition.GrowthAtLeast;
import dev.lantu.bench.policies.Condition.Member;
import dev.lantu.bench.policies.Condition.MoneyAtLeast;
import dev.lantu.bench.policies.Condition.NumberAtLeast;
import dev.lantu.bench.policies.Condition.TextIn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A clause of the workload as data: one of a few kinds that real special industrial policies use,
 * with its numbers. Lantu compiles its text ({@link #eligibilityText()}, {@link #awardText()}); the
 * hand-written loop has one method per kind and Drools gets rules generated from the same record, so
 * every contestant implements the same clause. Every kind's eligibility reads every fact its award
 * reads, so an eligible enterprise's award is always known.
 */
public sealed interface ClauseSpec {

    int LAST_YEAR = Workload.APPLICATION_YEAR - 1;

    String id();

    /** The conditions whose conjunction is the eligibility. */
    List<Condition> conditions();

    String awardText();

    /** The clause's own cap in fen, or {@code null}. */
    Long capFen();

    default String eligibilityText() {
        return conditions().stream().map(Condition::text).collect(Collectors.joining(" and "));
    }

    default String kind() {
        return getClass().getSimpleName();
    }

    /**
     * 研发/算力/设备补助: revenue above a threshold, a qualification, some spending last year; a rate of the
     * spending with a cap. {@code rateParameter} names the parameter that holds the rate, or is {@code null}
     * when the rate is written in the clause.
     */
    record RateOfBase(String id, long revenueAtLeast, String qualification, String base, int rateBp, String rateParameter,
                      long cap) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new MoneyAtLeast("revenue", LAST_YEAR, revenueAtLeast, false),
                    new Member(qualification, "qualifications"), new MoneyAtLeast(base, LAST_YEAR, 0, true));
        }

        public String awardText() {
            return base + "[last_year] * " + (rateParameter == null ? Amounts.percent(rateBp) : rateParameter);
        }

        public Long capFen() {
            return cap;
        }
    }

    /** 阶梯奖励: a marginal schedule of a figure ("10% of the first 500万, 5% above"), for firms of some size. */
    record Tiered(String id, int employeesAtLeast, String base, long baseAtLeast, long[] bounds, int[] ratesBp, int aboveBp,
                  Long capFen) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new NumberAtLeast("employees", LAST_YEAR, employeesAtLeast),
                    new MoneyAtLeast(base, LAST_YEAR, baseAtLeast, false));
        }

        public String awardText() {
            List<String> tiers = new ArrayList<>();
            for (int i = 0; i < bounds.length; i++) {
                tiers.add(Amounts.text(bounds[i]) + ": " + Amounts.percent(ratesBp[i]));
            }
            if (aboveBp >= 0) {
                tiers.add(Amounts.percent(aboveBp));
            }
            return "tiered(" + base + "[last_year], " + String.join(", ", tiers).transform(t -> "[" + t + "]") + ")";
        }
    }

    /** 增长奖励: revenue grew by some share over one or two years; a rate of last year's increase, capped. */
    record Growth(String id, int span, int growthBp, long revenueAtLeast, int rateBp, long cap) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new GrowthAtLeast("revenue", span, growthBp),
                    new MoneyAtLeast("revenue", LAST_YEAR, revenueAtLeast, false));
        }

        public String awardText() {
            return "max(revenue - revenue[last_year], 0元) * " + Amounts.percent(rateBp);
        }

        public Long capFen() {
            return cap;
        }
    }

    /** 区域赛道: firms of some districts in a track, of some size; a fixed sum. */
    record DistrictTrack(String id, List<String> districts, String track, int employeesAtLeast, long award)
            implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new TextIn("district", districts), new Member(track, "tracks"),
                    new NumberAtLeast("employees", LAST_YEAR, employeesAtLeast));
        }

        public String awardText() {
            return Amounts.text(award);
        }

        public Long capFen() {
            return null;
        }
    }

    /** 认定奖励: a qualification, registered by a date, not listed; a fixed sum. */
    record FixedSum(String id, String qualification, LocalDate registeredBy, long award) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new Member(qualification, "qualifications"), new DateFrom("registered_on", registeredBy, true),
                    new Flag("listed", null, false));
        }

        public String awardText() {
            return Amounts.text(award);
        }

        public Long capFen() {
            return null;
        }
    }

    /** 纳税贡献: big taxpayers of a district get a fixed sum, smaller ones a rate of their tax (if-then-else). */
    record TaxContribution(String id, String district, long taxAtLeast, int employeesAtLeast, long taxHigh, long highAward,
                           int rateBp) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new TextIn("district", List.of(district)), new MoneyAtLeast("tax_paid", LAST_YEAR, taxAtLeast, false),
                    new NumberAtLeast("employees", LAST_YEAR, employeesAtLeast));
        }

        public String awardText() {
            return "if tax_paid[last_year] >= " + Amounts.text(taxHigh) + " then " + Amounts.text(highAward)
                    + " else tax_paid[last_year] * " + Amounts.percent(rateBp);
        }

        public Long capFen() {
            return null;
        }
    }

    /** 总部企业: headquarters not owned by the state, above a revenue; a rate of revenue up to a maximum (min). */
    record Headquarters(String id, long revenueAtLeast, int rateBp, long max) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new Flag("headquarters", null, true), new Flag("state_owned", null, false),
                    new MoneyAtLeast("revenue", LAST_YEAR, revenueAtLeast, false));
        }

        public String awardText() {
            return "min(revenue[last_year] * " + Amounts.percent(rateBp) + ", " + Amounts.text(max) + ")";
        }

        public Long capFen() {
            return null;
        }
    }

    /**
     * 备案奖励 (as Haizhu's): a first filing in a district on or after a date; a fixed sum, written as a literal
     * or as a parameter ({@code awardParameter}).
     */
    record Filing(String id, String district, String filedOn, LocalDate from, long award, String awardParameter, Long capFen)
            implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new TextIn("district", List.of(district)), new DateFrom(filedOn, from, false));
        }

        public String awardText() {
            return awardParameter == null ? Amounts.text(award) : awardParameter;
        }
    }

    /** Haizhu's 模型优化补贴: a large-model firm of the district with optimisation expense last year; a fixed sum. */
    record FlagAndExpense(String id, String district, String flag, String expense, long award, String awardParameter,
                          Long capFen) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new TextIn("district", List.of(district)), new Flag(flag, null, true),
                    new MoneyAtLeast(expense, LAST_YEAR, 0, true));
        }

        public String awardText() {
            return awardParameter == null ? Amounts.text(award) : awardParameter;
        }
    }

    /** Haizhu's 应用场景示范项目: a recognised project last year; a rate of its input, capped. */
    record ProjectRate(String id, String district, String project, String input, int rateBp, String rateParameter,
                       long cap) implements ClauseSpec {
        public List<Condition> conditions() {
            return List.of(new TextIn("district", List.of(district)), new Flag(project, LAST_YEAR, true));
        }

        public String awardText() {
            return input + "[last_year] * " + (rateParameter == null ? Amounts.percent(rateBp) : rateParameter);
        }

        public Long capFen() {
            return cap;
        }
    }
}

package dev.lantu.bench.policies;

import dev.lantu.bench.policies.EnterpriseTable.BooleanColumn;
import dev.lantu.bench.policies.EnterpriseTable.DateColumn;
import dev.lantu.bench.policies.EnterpriseTable.MoneyColumn;
import dev.lantu.bench.policies.EnterpriseTable.NumberColumn;
import dev.lantu.bench.policies.EnterpriseTable.SetColumn;
import dev.lantu.bench.policies.EnterpriseTable.TextColumn;
import java.util.List;

/**
 * The practical limit: plain Java over the table's primitive arrays, one method per kind of clause,
 * written for exactly these kinds (what a team would write by hand for a fixed set of clauses, and
 * rewrite for every new kind). Three-valued logic is spelled out: {@link #FALSE}, {@link #TRUE},
 * {@link #UNKNOWN}. Rows go in chunks on all cores; within a chunk every clause runs over the chunk's
 * rows while they are in cache.
 */
public final class HandWrittenLoop implements Contestant {

    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    private static final int YEAR = ClauseSpec.LAST_YEAR;

    /** One clause compiled to a loop over rows {@code [from, to)}. */
    @FunctionalInterface
    interface ClauseLoop {
        void run(int clause, int from, int to, Answers answers);
    }

    private EnterpriseTable table;
    private ClauseLoop[] loops;

    @Override
    public String name() {
        return "hand-written loop";
    }

    @Override
    public void prepare(Workload workload) {
        table = workload.table();
        List<Workload.WorkloadClause> clauses = workload.clauses();
        loops = new ClauseLoop[clauses.size()];
        for (int c = 0; c < loops.length; c++) {
            loops[c] = loop(clauses.get(c).spec());
        }
    }

    @Override
    public Answers evaluate() {
        // chunks of 1,024 rows, as Lantu batch's: a chunk's columns stay in the processor's caches across clauses
        return Chunks.parallel(table.size(), loops.length, 1024, (from, to) -> {
            Answers answers = new Answers(loops.length);
            for (int c = 0; c < loops.length; c++) {
                loops[c].run(c, from, to, answers);
            }
            return answers;
        });
    }

    private ClauseLoop loop(ClauseSpec spec) {
        // Java 17: no pattern matching in switch yet
        if (spec instanceof ClauseSpec.RateOfBase c) {
            return rateOfBase(c);
        }
        if (spec instanceof ClauseSpec.Tiered c) {
            return tiered(c);
        }
        if (spec instanceof ClauseSpec.Growth c) {
            return growth(c);
        }
        if (spec instanceof ClauseSpec.DistrictTrack c) {
            return districtTrack(c);
        }
        if (spec instanceof ClauseSpec.FixedSum c) {
            return fixedSum(c);
        }
        if (spec instanceof ClauseSpec.TaxContribution c) {
            return taxContribution(c);
        }
        if (spec instanceof ClauseSpec.Headquarters c) {
            return headquarters(c);
        }
        if (spec instanceof ClauseSpec.Filing c) {
            return filing(c);
        }
        if (spec instanceof ClauseSpec.FlagAndExpense c) {
            return flagAndExpense(c);
        }
        if (spec instanceof ClauseSpec.ProjectRate c) {
            return projectRate(c);
        }
        throw new IllegalArgumentException("the hand-written loop has no method for " + spec.kind());
    }

    private ClauseLoop rateOfBase(ClauseSpec.RateOfBase c) {
        long[] revenue = money("revenue", YEAR);
        long[] base = money(c.base(), YEAR);
        long[] qualifications = set("qualifications").masks();
        long bit = set("qualifications").bit(c.qualification());
        long threshold = c.revenueAtLeast();
        int rate = c.rateBp();
        long cap = c.cap();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int state = and(and(atLeast(revenue[r], threshold), member(qualifications[r], bit)), above(base[r], 0));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, Math.min(Amounts.rate(base[r], rate), cap));
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop tiered(ClauseSpec.Tiered c) {
        int[] employees = number("employees", YEAR);
        long[] base = money(c.base(), YEAR);
        int minimum = c.employeesAtLeast();
        long threshold = c.baseAtLeast();
        long[] bounds = c.bounds();
        int[] rates = c.ratesBp();
        int above = c.aboveBp();
        long cap = c.capFen() == null ? Long.MAX_VALUE : c.capFen();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int state = and(atLeast(employees[r], minimum), atLeast(base[r], threshold));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, Math.min(Amounts.tiered(base[r], bounds, rates, above), cap));
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop growth(ClauseSpec.Growth c) {
        long[] now = money("revenue", Workload.APPLICATION_YEAR);
        long[] last = money("revenue", YEAR);
        long[] then = money("revenue", Workload.APPLICATION_YEAR - c.span());
        int growth = c.growthBp();
        long threshold = c.revenueAtLeast();
        int rate = c.rateBp();
        long cap = c.cap();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int grew = now[r] == MoneyColumn.UNKNOWN || then[r] == MoneyColumn.UNKNOWN ? UNKNOWN
                        : Amounts.growthAtLeast(now[r], then[r], growth) ? TRUE : FALSE;
                int state = and(grew, atLeast(last[r], threshold));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, Math.min(Amounts.rate(Math.max(now[r] - last[r], 0), rate), cap));
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop districtTrack(ClauseSpec.DistrictTrack c) {
        TextColumn district = text("district");
        boolean[] inDistricts = new boolean[district.dictionary().size()];
        c.districts().forEach(d -> inDistricts[district.code(d)] = true);
        int[] districts = district.codes();
        long[] tracks = set("tracks").masks();
        long bit = set("tracks").bit(c.track());
        int[] employees = number("employees", YEAR);
        int minimum = c.employeesAtLeast();
        long award = c.award();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int inDistrict = districts[r] == TextColumn.UNKNOWN ? UNKNOWN : inDistricts[districts[r]] ? TRUE : FALSE;
                int state = and(and(inDistrict, member(tracks[r], bit)), atLeast(employees[r], minimum));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, award);
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop fixedSum(ClauseSpec.FixedSum c) {
        long[] qualifications = set("qualifications").masks();
        long bit = set("qualifications").bit(c.qualification());
        int[] registered = ((DateColumn) table.column("registered_on")).epochDays();
        int by = (int) c.registeredBy().toEpochDay();
        byte[] listed = flags("listed");
        long award = c.award();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int registeredBy = registered[r] == DateColumn.UNKNOWN ? UNKNOWN : registered[r] <= by ? TRUE : FALSE;
                int state = and(and(member(qualifications[r], bit), registeredBy), flag(listed[r], false));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, award);
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop taxContribution(ClauseSpec.TaxContribution c) {
        TextColumn district = text("district");
        int[] districts = district.codes();
        int code = district.code(c.district());
        long[] tax = money("tax_paid", YEAR);
        int[] employees = number("employees", YEAR);
        long threshold = c.taxAtLeast();
        int minimum = c.employeesAtLeast();
        long high = c.taxHigh();
        long highAward = c.highAward();
        int rate = c.rateBp();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int state = and(and(is(districts[r], code), atLeast(tax[r], threshold)), atLeast(employees[r], minimum));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, tax[r] >= high ? highAward : Amounts.rate(tax[r], rate));
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop headquarters(ClauseSpec.Headquarters c) {
        byte[] headquarters = flags("headquarters");
        byte[] stateOwned = flags("state_owned");
        long[] revenue = money("revenue", YEAR);
        long threshold = c.revenueAtLeast();
        int rate = c.rateBp();
        long max = c.max();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int state = and(and(flag(headquarters[r], true), flag(stateOwned[r], false)), atLeast(revenue[r], threshold));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, Math.min(Amounts.rate(revenue[r], rate), max));
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop filing(ClauseSpec.Filing c) {
        TextColumn district = text("district");
        int[] districts = district.codes();
        int code = district.code(c.district());
        int[] filed = ((DateColumn) table.column(c.filedOn())).epochDays();
        int since = (int) c.from().toEpochDay();
        long award = c.capFen() == null ? c.award() : Math.min(c.award(), c.capFen());
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int filedSince = filed[r] == DateColumn.UNKNOWN ? UNKNOWN : filed[r] >= since ? TRUE : FALSE;
                int state = and(is(districts[r], code), filedSince);
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, award);
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop flagAndExpense(ClauseSpec.FlagAndExpense c) {
        TextColumn district = text("district");
        int[] districts = district.codes();
        int code = district.code(c.district());
        byte[] flag = flags(c.flag());
        long[] expense = money(c.expense(), YEAR);
        long award = c.capFen() == null ? c.award() : Math.min(c.award(), c.capFen());
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int state = and(and(is(districts[r], code), flag(flag[r], true)), above(expense[r], 0));
                if (state == TRUE) {
                    answers.eligible(clause, r + 1, award);
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    private ClauseLoop projectRate(ClauseSpec.ProjectRate c) {
        TextColumn district = text("district");
        int[] districts = district.codes();
        int code = district.code(c.district());
        byte[] project = ((BooleanColumn) table.column(c.project(), YEAR)).values();
        long[] input = money(c.input(), YEAR);
        int rate = c.rateBp();
        long cap = c.cap();
        return (clause, from, to, answers) -> {
            for (int r = from; r < to; r++) {
                int state = and(is(districts[r], code), flag(project[r], true));
                if (state == TRUE) {
                    if (input[r] == MoneyColumn.UNKNOWN) {
                        throw new IllegalStateException("row " + r + " has a recognised project without its input");
                    }
                    answers.eligible(clause, r + 1, Math.min(Amounts.rate(input[r], rate), cap));
                }
                else if (state == UNKNOWN) {
                    answers.countUndetermined(clause);
                }
            }
        };
    }

    /** Kleene's {@code and}: false wins, then unknown. */
    static int and(int a, int b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : TRUE;
    }

    private static int atLeast(long fen, long threshold) {
        return fen == MoneyColumn.UNKNOWN ? UNKNOWN : fen >= threshold ? TRUE : FALSE;
    }

    private static int above(long fen, long threshold) {
        return fen == MoneyColumn.UNKNOWN ? UNKNOWN : fen > threshold ? TRUE : FALSE;
    }

    private static int atLeast(int value, int threshold) {
        return value == NumberColumn.UNKNOWN ? UNKNOWN : value >= threshold ? TRUE : FALSE;
    }

    private static int member(long mask, long bit) {
        return mask == SetColumn.UNKNOWN ? UNKNOWN : (mask & bit) != 0 ? TRUE : FALSE;
    }

    private static int is(int code, int expected) {
        return code == TextColumn.UNKNOWN ? UNKNOWN : code == expected ? TRUE : FALSE;
    }

    private static int flag(byte value, boolean expected) {
        return value == BooleanColumn.UNKNOWN ? UNKNOWN : (value == 1) == expected ? TRUE : FALSE;
    }

    private long[] money(String variable, int year) {
        return table.money(variable, year).fen();
    }

    private int[] number(String variable, int year) {
        return table.number(variable, year).values();
    }

    private SetColumn set(String variable) {
        return (SetColumn) table.column(variable);
    }

    private TextColumn text(String variable) {
        return (TextColumn) table.column(variable);
    }

    private byte[] flags(String variable) {
        return ((BooleanColumn) table.column(variable)).values();
    }
}

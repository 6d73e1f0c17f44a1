package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random well-typed clauses over {@link dev.lantu.engine.Examples#SCHEMA}, written as source, and
 * random enterprise profiles for them: the raw material of the evaluator's property tests. Each
 * generator draws from the {@link SplittableRandom} it is given, so a seed fixes what it returns.
 * Public so that the batch evaluator's and the SQL compiler's properties draw the same clauses and
 * profiles: they must agree with this evaluator.
 */
public final class RandomClauses {

    public static final int YEAR = 2025;
    public static final List<Integer> YEARS = List.of(2022, 2023, 2024, 2025);
    private static final List<String> PERIODS = List.of("", "[this_year]", "[last_year]", "[year - 2]", "[2023]");
    private static final List<String> QUALIFICATIONS = List.of("高新技术企业", "专精特新", "小巨人");
    private static final List<String> DISTRICTS = List.of("440106", "440112", "440118");
    private static final List<String> MONEY_VARIABLES = List.of("revenue", "rd_expense", "compute_purchases");
    /** The largest amount a profile holds: 5000万元 in fen. */
    private static final long MOST_FEN = 5_000_000_000L;
    /** Amounts (in fen) that the generated clauses name, so comparisons sometimes meet them exactly. */
    private static final List<Long> NAMED_FEN = List.of(1L, 100L, 50_000L, 500_000L, 100_000_000L, 500_000_000L,
            1_500_000_000L, 2_000_000_000L, MOST_FEN);
    private static final List<Long> NAMED_PEOPLE = List.of(0L, 1L, 100L, 2000L);

    private RandomClauses() {
    }

    public static String of(SplittableRandom random, Type type, int depth) {
        return switch (type) {
            case MONEY -> money(random, depth);
            case NUMBER -> number(random, depth);
            default -> condition(random, depth);
        };
    }

    public static String condition(SplittableRandom random, int depth) {
        int kind = depth <= 0 ? 0 : weighted(random, 2, 3, 2, 3, 1, 1);
        return switch (kind) {
            case 0 -> switch (random.nextInt(4)) {
                case 0 -> pick(random, "listed", "true", "false", "has(revenue[last_year])", "has(employees)",
                        "registered_on < 2020-06-30");
                case 1 -> "\"" + pick(random, QUALIFICATIONS) + "\" in qualifications";
                case 2 -> "district == \"" + pick(random, DISTRICTS) + "\"";
                default -> "district in [\"" + pick(random, DISTRICTS) + "\", \"440104\"]";
            };
            case 1 -> money(random, depth - 1) + " " + pick(random, ">", ">=", "<", "<=", "==", "!=") + " "
                    + money(random, depth - 1);
            case 2 -> number(random, depth - 1) + " " + pick(random, ">", "<=", "==") + " " + number(random, depth - 1);
            case 3 -> "(" + condition(random, depth - 1) + pick(random, " and ", " or ") + condition(random, depth - 1) + ")";
            case 4 -> "not (" + condition(random, depth - 1) + ")";
            default -> "(if " + condition(random, depth - 1) + " then " + condition(random, depth - 1) + " else "
                    + condition(random, depth - 1) + ")";
        };
    }

    public static String money(SplittableRandom random, int depth) {
        int kind = depth <= 0 ? 0 : weighted(random, 3, 2, 3, 1, 1, 1, 1, 1);
        return switch (kind) {
            case 0 -> random.nextBoolean()
                    ? pick(random, "0元", "1元", "0.01元", "500元", "100万元", "1500万", "0.5万元", "2亿元", "cap",
                            "revenue_threshold")
                    : pick(random, MONEY_VARIABLES) + pick(random, PERIODS);
            case 1 -> "(" + money(random, depth - 1) + pick(random, " + ", " - ") + money(random, depth - 1) + ")";
            case 2 -> "(" + money(random, depth - 1) + " * " + number(random, depth - 1) + ")";
            case 3 -> "(" + money(random, depth - 1) + " / " + number(random, depth - 1) + ")";
            case 4 -> pick(random, "min", "max") + "(" + money(random, depth - 1) + ", " + money(random, depth - 1) + ")";
            case 5 -> "clamp(" + money(random, depth - 1) + ", 0元, cap)";
            case 6 -> "(if " + condition(random, depth - 1) + " then " + money(random, depth - 1) + " else "
                    + money(random, depth - 1) + ")";
            default -> "tiered(" + money(random, depth - 1) + ", [500万: " + pick(random, "10%", "0.333", "subsidy_rate")
                    + ", 2000万: 7.5%" + pick(random, "", ", 5%", ", 0.0001") + "])";
        };
    }

    public static String number(SplittableRandom random, int depth) {
        int kind = depth <= 0 ? 0 : weighted(random, 3, 2, 1, 1);
        return switch (kind) {
            case 0 -> random.nextBoolean()
                    ? pick(random, "0", "1", "2", "0.5", "10%", "12.5%", "0.005", "subsidy_rate", "count(qualifications)")
                    : "employees" + pick(random, PERIODS);
            case 1 -> "(" + number(random, depth - 1) + pick(random, " + ", " - ", " * ", " / ") + number(random, depth - 1)
                    + ")";
            case 2 -> "(" + money(random, depth - 1) + " / " + money(random, depth - 1) + ")";
            default -> pick(random, "growth(revenue)", "growth(employees, 2)", "abs(employees - 100)");
        };
    }

    /**
     * A complete profile: every variable known for every year. Half the amounts are zero; the
     * others are mostly spread evenly up to 5000万元, sometimes an amount a clause names.
     */
    public static Profile completeProfile(SplittableRandom random) {
        List<Long> amounts = new ArrayList<>();
        for (int i = 0; i < YEARS.size() * MONEY_VARIABLES.size(); i++) {
            amounts.add(random.nextBoolean() ? 0L
                    : random.nextInt(8) == 0 ? pick(random, NAMED_FEN) : random.nextLong(MOST_FEN + 1));
        }
        List<Long> employees = new ArrayList<>();
        for (int i = 0; i < YEARS.size(); i++) {
            employees.add(random.nextInt(8) == 0 ? pick(random, NAMED_PEOPLE) : random.nextLong(2001));
        }
        List<String> qualifications = new ArrayList<>();
        for (String qualification : QUALIFICATIONS) {
            if (random.nextBoolean()) {
                qualifications.add(qualification);
            }
        }
        return new Profile(pick(random, DISTRICTS), List.copyOf(qualifications), random.nextBoolean(),
                LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3001)), List.copyOf(amounts), List.copyOf(employees));
    }

    /**
     * The facts of a complete profile, kept as drawn so a failing property can show them.
     *
     * @param amounts revenue, rd_expense and compute_purchases in fen, for each of {@link #YEARS} in turn
     * @param employees the head count for each of {@link #YEARS}
     */
    public record Profile(String district, List<String> qualifications, boolean listed, LocalDate registeredOn,
                   List<Long> amounts, List<Long> employees) {

        public Enterprise enterprise() {
            MapEnterprise.Builder builder = MapEnterprise.builder()
                    .fact("district", Value.text(district))
                    .fact("qualifications", Value.set(qualifications))
                    .fact("tracks", Value.set("gz.cluster.software"))
                    .fact("listed", Value.bool(listed))
                    .fact("registered_on", Value.date(registeredOn));
            for (int i = 0; i < YEARS.size(); i++) {
                for (int v = 0; v < MONEY_VARIABLES.size(); v++) {
                    builder.fact(MONEY_VARIABLES.get(v), YEARS.get(i), Value.money(amount(v, i)));
                }
                builder.fact("employees", YEARS.get(i), Value.number(employees.get(i)));
            }
            return builder.build();
        }

        private long amount(int variable, int year) {
            return amounts.get(MONEY_VARIABLES.size() * year + variable);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("district = \"" + district + "\", qualifications = " + qualifications
                    + ", tracks = [gz.cluster.software], listed = " + listed + ", registered_on = " + registeredOn);
            for (int v = 0; v < MONEY_VARIABLES.size(); v++) {
                text.append(", ").append(MONEY_VARIABLES.get(v)).append(" (fen) =");
                for (int i = 0; i < YEARS.size(); i++) {
                    text.append(' ').append(YEARS.get(i)).append(": ").append(amount(v, i));
                }
            }
            text.append(", employees =");
            for (int i = 0; i < YEARS.size(); i++) {
                text.append(' ').append(YEARS.get(i)).append(": ").append(employees.get(i));
            }
            return text.toString();
        }
    }

    @SafeVarargs
    public static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** An index drawn with the given weights: {@code weighted(random, 3, 1)} is 0 three times in four. */
    public static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        int index = 0;
        while (draw >= weights[index]) {
            draw -= weights[index++];
        }
        return index;
    }
}

package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random well-typed clauses over {@link dev.lantu.engine.Examples#SCHEMA}, written as source, and
 * random enterprise profiles for them: the raw material of the evaluator's property tests.
 */
final class RandomClauses {

    static final int YEAR = 2025;
    static final List<Integer> YEARS = List.of(2022, 2023, 2024, 2025);
    private static final List<String> PERIODS = List.of("", "[this_year]", "[last_year]", "[year - 2]", "[2023]");
    private static final List<String> QUALIFICATIONS = List.of("高新技术企业", "专精特新", "小巨人");
    private static final List<String> DISTRICTS = List.of("440106", "440112", "440118");

    private RandomClauses() {
    }

    static Arbitrary<String> of(Type type, int depth) {
        return switch (type) {
            case MONEY -> money(depth);
            case NUMBER -> number(depth);
            default -> condition(depth);
        };
    }

    static Arbitrary<String> condition(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("listed", "true", "false", "has(revenue[last_year])", "has(employees)",
                        "registered_on < 2020-06-30"),
                Arbitraries.of(QUALIFICATIONS).map(q -> "\"" + q + "\" in qualifications"),
                Arbitraries.of(DISTRICTS).map(d -> "district == \"" + d + "\""),
                Arbitraries.of(DISTRICTS).map(d -> "district in [\"" + d + "\", \"440104\"]"));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> comparison = Combinators.combine(money(depth - 1), Arbitraries.of(">", ">=", "<", "<=", "==", "!="),
                money(depth - 1)).as((a, op, b) -> a + " " + op + " " + b);
        Arbitrary<String> numeric = Combinators.combine(number(depth - 1), Arbitraries.of(">", "<=", "=="), number(depth - 1))
                .as((a, op, b) -> a + " " + op + " " + b);
        Arbitrary<String> junction = Combinators.combine(condition(depth - 1), Arbitraries.of(" and ", " or "),
                condition(depth - 1)).as((a, op, b) -> "(" + a + op + b + ")");
        Arbitrary<String> negation = condition(depth - 1).map(c -> "not (" + c + ")");
        Arbitrary<String> choice = Combinators.combine(condition(depth - 1), condition(depth - 1), condition(depth - 1))
                .as((c, a, b) -> "(if " + c + " then " + a + " else " + b + ")");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(3, comparison), net.jqwik.api.Tuple.of(2, numeric),
                net.jqwik.api.Tuple.of(3, junction), net.jqwik.api.Tuple.of(1, negation), net.jqwik.api.Tuple.of(1, choice));
    }

    static Arbitrary<String> money(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("0元", "1元", "0.01元", "500元", "100万元", "1500万", "0.5万元", "2亿元", "cap",
                        "revenue_threshold"),
                Arbitraries.of("revenue", "rd_expense", "compute_purchases").flatMap(v -> Arbitraries.of(PERIODS).map(p -> v + p)));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> sum = Combinators.combine(money(depth - 1), Arbitraries.of(" + ", " - "), money(depth - 1))
                .as((a, op, b) -> "(" + a + op + b + ")");
        Arbitrary<String> scaled = Combinators.combine(money(depth - 1), number(depth - 1)).as((a, n) -> "(" + a + " * " + n + ")");
        Arbitrary<String> divided = Combinators.combine(money(depth - 1), number(depth - 1)).as((a, n) -> "(" + a + " / " + n + ")");
        Arbitrary<String> extreme = Combinators.combine(Arbitraries.of("min", "max"), money(depth - 1), money(depth - 1))
                .as((f, a, b) -> f + "(" + a + ", " + b + ")");
        Arbitrary<String> clamp = money(depth - 1).map(a -> "clamp(" + a + ", 0元, cap)");
        Arbitrary<String> choice = Combinators.combine(condition(depth - 1), money(depth - 1), money(depth - 1))
                .as((c, a, b) -> "(if " + c + " then " + a + " else " + b + ")");
        Arbitrary<String> tiered = Combinators.combine(money(depth - 1), Arbitraries.of("10%", "0.333", "subsidy_rate"),
                        Arbitraries.of("", ", 5%", ", 0.0001"))
                .as((a, r, rest) -> "tiered(" + a + ", [500万: " + r + ", 2000万: 7.5%" + rest + "])");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(2, sum), net.jqwik.api.Tuple.of(3, scaled),
                net.jqwik.api.Tuple.of(1, divided), net.jqwik.api.Tuple.of(1, extreme), net.jqwik.api.Tuple.of(1, clamp),
                net.jqwik.api.Tuple.of(1, choice), net.jqwik.api.Tuple.of(1, tiered));
    }

    static Arbitrary<String> number(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "2", "0.5", "10%", "12.5%", "0.005", "subsidy_rate", "count(qualifications)"),
                Arbitraries.of(PERIODS).map(p -> "employees" + p));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> arithmetic = Combinators.combine(number(depth - 1), Arbitraries.of(" + ", " - ", " * ", " / "),
                number(depth - 1)).as((a, op, b) -> "(" + a + op + b + ")");
        Arbitrary<String> ratio = Combinators.combine(money(depth - 1), money(depth - 1)).as((a, b) -> "(" + a + " / " + b + ")");
        Arbitrary<String> growth = Arbitraries.of("growth(revenue)", "growth(employees, 2)", "abs(employees - 100)");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(2, arithmetic),
                net.jqwik.api.Tuple.of(1, ratio), net.jqwik.api.Tuple.of(1, growth));
    }

    /** A complete profile: every variable known for every year, some of them zero. */
    static Arbitrary<MapEnterprise.Builder> completeProfiles() {
        Arbitrary<Long> fen = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 5_000_000_000L));
        Arbitrary<Long> people = Arbitraries.longs().between(0, 2000);
        return Combinators.combine(
                fen.list().ofSize(YEARS.size() * 3), people.list().ofSize(YEARS.size()),
                Arbitraries.of(DISTRICTS), Arbitraries.subsetOf(QUALIFICATIONS), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3000))
                .as((amounts, employees, district, qualifications, listed, days) -> {
                    MapEnterprise.Builder builder = MapEnterprise.builder()
                            .fact("district", Value.text(district))
                            .fact("qualifications", Value.set(qualifications))
                            .fact("tracks", Value.set("gz.cluster.software"))
                            .fact("listed", Value.bool(listed))
                            .fact("registered_on", Value.date(LocalDate.of(2018, 1, 1).plusDays(days)));
                    for (int i = 0; i < YEARS.size(); i++) {
                        builder.fact("revenue", YEARS.get(i), Value.money(amounts.get(3 * i)));
                        builder.fact("rd_expense", YEARS.get(i), Value.money(amounts.get(3 * i + 1)));
                        builder.fact("compute_purchases", YEARS.get(i), Value.money(amounts.get(3 * i + 2)));
                        builder.fact("employees", YEARS.get(i), Value.number(employees.get(i)));
                    }
                    return builder;
                });
    }
}

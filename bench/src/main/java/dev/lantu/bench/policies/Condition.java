package dev.lantu.bench.policies;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One condition of a generated clause's eligibility, which is the conjunction of its conditions. Each
 * knows its text in the policy language; the Drools rules are generated from the same list.
 */
public sealed interface Condition {

    String text();

    /** {@code revenue[last_year] >= 2000万元}; {@code strict} writes {@code >}. */
    record MoneyAtLeast(String variable, int year, long fen, boolean strict) implements Condition {
        public String text() {
            return Periods.read(variable, year) + (strict ? " > " : " >= ") + Amounts.text(fen);
        }
    }

    /** {@code employees[last_year] >= 50}. */
    record NumberAtLeast(String variable, int year, int value) implements Condition {
        public String text() {
            return Periods.read(variable, year) + " >= " + value;
        }
    }

    /** {@code "专精特新" in qualifications}. */
    record Member(String member, String setVariable) implements Condition {
        public String text() {
            return "\"" + member + "\" in " + setVariable;
        }
    }

    /** {@code district == "440105"} or {@code district in ["440106", "440112"]}. */
    record TextIn(String variable, List<String> texts) implements Condition {
        public String text() {
            if (texts.size() == 1) {
                return variable + " == \"" + texts.get(0) + "\"";
            }
            return variable + " in " + texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** {@code llm_filing_first_on >= 2024-06-18}, or with {@code onOrBefore} {@code registered_on <= 2022-12-31}. */
    record DateFrom(String variable, LocalDate date, boolean onOrBefore) implements Condition {
        public String text() {
            return variable + (onOrBefore ? " <= " : " >= ") + date;
        }
    }

    /** {@code headquarters}, or {@code not state_owned}; {@code year} is {@code null} for a static variable. */
    record Flag(String variable, Integer year, boolean expected) implements Condition {
        public String text() {
            String read = year == null ? variable : Periods.read(variable, year);
            return expected ? read : "not " + read;
        }
    }

    /** {@code growth(revenue) >= 15%} (this year over last) or {@code growth(revenue, 2) >= 30%}. */
    record GrowthAtLeast(String variable, int span, int bp) implements Condition {
        public String text() {
            return "growth(" + variable + (span == 1 ? "" : ", " + span) + ") >= " + Amounts.percent(bp);
        }
    }

    /** How a clause names a year relative to the application year. */
    final class Periods {
        private Periods() {
        }

        static String read(String variable, int year) {
            int back = Workload.APPLICATION_YEAR - year;
            return switch (back) {
                case 0 -> variable;
                case 1 -> variable + "[last_year]";
                default -> variable + "[year - " + back + "]";
            };
        }
    }
}

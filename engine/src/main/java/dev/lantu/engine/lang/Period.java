package dev.lantu.engine.lang;

/**
 * Which year of a yearly variable a reference reads. Relative periods follow the application year
 * ({@code this_year}); absolute ones name a calendar year, for rules that cite a base year.
 */
public sealed interface Period {

    Period THIS_YEAR = new Relative(0);
    Period LAST_YEAR = new Relative(-1);

    /** The calendar year this period stands for when the application year is {@code applicationYear}. */
    int resolve(int applicationYear);

    /** {@code this_year} is offset 0, {@code last_year} is -1, {@code year - 2} is -2. */
    record Relative(int offset) implements Period {
        @Override
        public int resolve(int applicationYear) {
            return applicationYear + offset;
        }

        @Override
        public String toString() {
            if (offset == 0) {
                return "this_year";
            }
            if (offset == -1) {
                return "last_year";
            }
            return offset < 0 ? "year - " + (-offset) : "year + " + offset;
        }
    }

    record Absolute(int year) implements Period {
        @Override
        public int resolve(int applicationYear) {
            return year;
        }

        @Override
        public String toString() {
            return Integer.toString(year);
        }
    }
}

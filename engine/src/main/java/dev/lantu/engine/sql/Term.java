package dev.lantu.engine.sql;

import dev.lantu.engine.lang.Type;
import java.util.Set;

/**
 * A sub-expression compiled to SQL: three texts, each a literal, a column of the profile table or
 * a column of an earlier layer of the query.
 *
 * @param scale  the decimal places of a number (0 for money): what DuckDB's DECIMAL needs to know
 * @param value  the value, NULL when unknown
 * @param fail   TRUE when evaluating this sub-expression ends in an error (division by zero, an
 *               amount out of range, …); {@code null} when it never can. NULL counts as false: the
 *               text is only ever joined with AND, OR and CASE WHEN, never negated
 * @param range  TRUE when the database could not compute the value exactly (DuckDB past 38
 *               digits); {@code null} when that cannot happen
 * @param layer  the query layer that defines the deepest column these texts read; 0 for the table
 * @param columns the columns the texts read
 */
record Term(Type type, int scale, String value, String fail, String range, int layer, Set<String> columns) {

    Term {
        columns = Set.copyOf(columns);
    }

    static Term inline(Type type, int scale, String value, Set<String> columns) {
        return new Term(type, scale, value, null, null, 0, columns);
    }

    String known() {
        return "(" + value + " IS NOT NULL)";
    }
}

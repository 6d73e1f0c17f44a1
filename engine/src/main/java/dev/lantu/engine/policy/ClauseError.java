package dev.lantu.engine.policy;

import dev.lantu.engine.lang.LanguageError;

/**
 * A problem in one field of a clause: which clause, which field ({@code eligibility}, {@code award},
 * {@code cap}, …) and the positioned error within that field's text.
 */
public record ClauseError(String clauseId, String field, LanguageError error) {

    @Override
    public String toString() {
        return clauseId + "." + field + " " + error;
    }
}

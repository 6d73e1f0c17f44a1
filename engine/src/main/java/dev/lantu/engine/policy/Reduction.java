package dev.lantu.engine.policy;

import java.util.List;

/**
 * Where a rule above the clause cut what a clause pays, and by how much.
 *
 * @param code        a stable key for translating the explanation, such as {@code reduction.policy-cap}
 * @param arguments   the values the explanation names, in order, for a translation
 * @param explanation the reason in English
 */
public record Reduction(Kind kind, long beforeFen, long afterFen, String code, List<String> arguments,
                        String explanation) {

    public enum Kind {
        /** an award that came to less than zero pays nothing */
        NOTHING_BELOW_ZERO,
        /** the clause's own cap */
        CLAUSE_CAP,
        /** another clause on the same subject pays more (就高不重复) */
        EXCLUSIVE_SUBJECT,
        /** the policy's ceiling per enterprise per year, shared among its clauses */
        POLICY_CAP,
        /** the issuer's ceiling per enterprise per year, shared among its policies' clauses */
        ISSUER_CAP
    }

    public Reduction {
        arguments = List.copyOf(arguments);
    }

    public long cutFen() {
        return beforeFen - afterFen;
    }
}

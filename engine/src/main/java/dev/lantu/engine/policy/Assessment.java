package dev.lantu.engine.policy;

import dev.lantu.engine.eval.EvaluationError;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.Step;
import dev.lantu.engine.eval.Value;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * What one clause means for one enterprise: whether it qualifies, what it would receive, and why.
 *
 * @param applicationYear  the year the enterprise applies for; {@code this_year} in the clause
 * @param ruleDate         the date whose parameter values were used: the rule as it stood then
 * @param awarded          the award after the clause's cap: for {@link Status#ELIGIBLE} what is due,
 *                         for {@link Status#UNDETERMINED} what would be due if the missing facts make
 *                         it eligible (possibly itself unknown), {@code 0元} for
 *                         {@link Status#NOT_ELIGIBLE}, {@code null} for {@link Status#FAILED}
 * @param missing          the facts that would settle an undetermined eligibility or award
 * @param eligibilityTrace how the eligibility was decided; {@code null} only when it failed
 * @param awardTrace       how the award was computed; {@code null} when it was not computed
 * @param notes            where the cap cut the award
 * @param error            why the assessment failed; {@code null} otherwise
 */
public record Assessment(String clauseId, int applicationYear, LocalDate ruleDate, Status status, Value awarded,
                         SortedSet<Fact> missing, Step eligibilityTrace, Step awardTrace, List<String> notes,
                         EvaluationError error) {

    public enum Status {
        ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, FAILED
    }

    public Assessment {
        notes = List.copyOf(notes);
    }
}

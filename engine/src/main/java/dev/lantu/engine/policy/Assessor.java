package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Evaluator;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.Outcome;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Assesses a clause for one enterprise. Two dates are kept apart on purpose: the application
 * year decides which years of the enterprise's figures are read ({@code this_year},
 * {@code last_year}); the rule date decides which parameter values are in force. A claim for 2025
 * under the rule as it stood on 2025-01-01 reads 2024's revenue with the 2025 rate, and the
 * assessment records both.
 */
public final class Assessor {

    private final Schema schema;
    private final ParameterSet parameters;

    public Assessor(Schema schema, ParameterSet parameters) {
        this.schema = schema;
        this.parameters = parameters;
    }

    public Assessment assess(Clause clause, Enterprise enterprise, int applicationYear, LocalDate ruleDate) {
        Evaluator evaluator = new Evaluator(schema, parameters.inForceOn(ruleDate));
        Outcome eligibility = evaluator.evaluate(clause.eligibility(), enterprise, applicationYear);
        if (eligibility instanceof Outcome.Failed failed) {
            return new Assessment(clause.id(), applicationYear, ruleDate, Assessment.Status.FAILED, null,
                    new TreeSet<>(), null, null, List.of(), failed.error());
        }
        Outcome.Evaluated decided = (Outcome.Evaluated) eligibility;
        Assessment.Status status = switch (decided.verdict()) {
            case TRUE -> Assessment.Status.ELIGIBLE;
            case FALSE -> Assessment.Status.NOT_ELIGIBLE;
            case UNDETERMINED -> Assessment.Status.UNDETERMINED;
        };
        if (status == Assessment.Status.NOT_ELIGIBLE) {
            // the award is not computed: nothing is due, and its missing facts would not change that
            return new Assessment(clause.id(), applicationYear, ruleDate, status, Value.money(0), new TreeSet<>(),
                    decided.trace(), null, List.of(), null);
        }
        Outcome award = evaluator.evaluate(clause.award(), enterprise, applicationYear);
        if (award instanceof Outcome.Failed failed) {
            return new Assessment(clause.id(), applicationYear, ruleDate, Assessment.Status.FAILED, null,
                    decided.missing(), decided.trace(), null, List.of(), failed.error());
        }
        Outcome.Evaluated computed = (Outcome.Evaluated) award;
        List<String> notes = new ArrayList<>();
        Value awarded = capped(clause, computed.value(), notes);
        SortedSet<Fact> missing = new TreeSet<>(decided.missing());
        missing.addAll(computed.missing());
        return new Assessment(clause.id(), applicationYear, ruleDate, status, awarded, missing, decided.trace(),
                computed.trace(), notes, null);
    }

    private static Value capped(Clause clause, Value award, List<String> notes) {
        if (!clause.hasCap()) {
            return award;
        }
        Value cap = Value.money(clause.capFen());
        if (award.isUnknown()) {
            notes.add("the award is unknown; the clause's cap limits it to " + cap.show());
            return award;
        }
        if (((Value.Money) award).fen() > clause.capFen()) {
            notes.add("the clause's cap of " + cap.show() + " cut the award from " + award.show() + " to " + cap.show());
            return cap;
        }
        return award;
    }
}

package dev.lantu.engine.policy;

import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.LanguageError;
import dev.lantu.engine.lang.Position;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One clause of a policy with its expressions checked: an eligibility that is a condition and an
 * award that is an amount, against the policy's schema and parameters. A clause that exists is
 * well typed; {@link #compile} is the only way from text to a clause and reports every problem.
 *
 * @param capFen the most this clause pays one enterprise, in fen; {@code null} when it sets no cap
 */
public record Clause(String id, String title, String subject, Compilation.Success eligibility,
                     Compilation.Success award, Long capFen, Delivery delivery, String sourceParagraph) {

    public Clause {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a clause needs an id");
        }
        Objects.requireNonNull(delivery, "delivery");
        if (eligibility.type() != Type.BOOLEAN) {
            throw new IllegalArgumentException("the eligibility of " + id + " is " + eligibility.type() + ", not a condition");
        }
        if (award.type() != Type.MONEY) {
            throw new IllegalArgumentException("the award of " + id + " is " + award.type() + ", not an amount");
        }
        if (capFen != null && capFen < 0) {
            throw new IllegalArgumentException("the cap of " + id + " is negative");
        }
        title = title == null ? "" : title;
        subject = subject == null ? "" : subject;
        sourceParagraph = sourceParagraph == null ? "" : sourceParagraph;
    }

    public boolean hasCap() {
        return capFen != null;
    }

    /** Checks both expressions of {@code source} and returns the clause, or every error in either. */
    public static Compiled compile(ClauseSource source, Schema schema, ParameterSet parameters) {
        String id = source.id() == null ? "" : source.id();
        List<ClauseError> errors = new ArrayList<>();
        if (id.isBlank()) {
            errors.add(new ClauseError(id, "id", LanguageError.at(Position.START, "a clause needs an id")));
        }
        if (source.delivery() == null) {
            errors.add(new ClauseError(id, "delivery", new LanguageError(Position.START,
                    "say whether the award needs an application", "ON_APPLICATION or WITHOUT_APPLICATION (免申即享)")));
        }
        if (source.capFen() != null && source.capFen() < 0) {
            errors.add(new ClauseError(id, "cap", LanguageError.at(Position.START, "a cap cannot be negative")));
        }
        Compilation eligibility = Language.compile(source.eligibility(), schema, parameters.types(), Type.BOOLEAN);
        Compilation award = Language.compile(source.award(), schema, parameters.types(), Type.MONEY);
        eligibility.errors().forEach(error -> errors.add(new ClauseError(id, "eligibility", error)));
        award.errors().forEach(error -> errors.add(new ClauseError(id, "award", error)));
        if (!errors.isEmpty()) {
            return new Compiled(null, List.copyOf(errors));
        }
        return new Compiled(new Clause(id, source.title(), source.subject(), (Compilation.Success) eligibility,
                (Compilation.Success) award, source.capFen(), source.delivery(), source.sourceParagraph()), List.of());
    }

    /** @param clause the clause, or {@code null} when there are errors */
    public record Compiled(Clause clause, List<ClauseError> errors) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }
}

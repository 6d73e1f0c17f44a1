package dev.lantu.engine.eval;

import static dev.lantu.engine.Examples.PARAMETERS;
import static dev.lantu.engine.Examples.SCHEMA;
import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.Properties;
import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.Printer;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Properties of the evaluator over random well-typed clauses and random enterprises: it never
 * throws, values have the checked type, unknowns name only facts that are really missing, and a
 * result known on a partial profile is the result on every completion of it (missing facts can
 * settle an unknown, never overturn a known value) and supplying the facts an unknown result names
 * settles it. The last two hold for every construct except {@code has}, which asks about the
 * profile itself and so changes when a fact is supplied.
 */
class EvaluationPropertiesTests {

    private static final Evaluator EVALUATOR = new Evaluator(SCHEMA, EvaluatorTests.IN_FORCE);

    /** Every fact of the schema: each static variable, each yearly one in each of the profile's years. */
    private static final List<Fact> FACTS = facts();

    record Clause(String source, Type type) {
    }

    /** A clause, a complete profile, and the facts hidden from it to make a partial profile. */
    record Case(Clause clause, RandomClauses.Profile profile, Set<Fact> hidden) {
        @Override
        public String toString() {
            return "\n  clause (" + clause.type() + "): " + clause.source() + "\n  profile: " + profile
                    + "\n  hidden: " + hidden;
        }
    }

    private static Clause clause(SplittableRandom random) {
        Type type = RandomClauses.pick(random, Type.BOOLEAN, Type.MONEY, Type.NUMBER);
        return new Clause(RandomClauses.of(random, type, 3), type);
    }

    /** A clause without {@code has}: one a supplied fact may settle but never overturn. */
    private static Clause monotoneClause(SplittableRandom random) {
        Clause clause = clause(random);
        while (clause.source().contains("has(")) {
            clause = clause(random);
        }
        return clause;
    }

    /** Any subset of the facts: the share hidden is drawn first, so sparse and dense ones are as likely. */
    private static Set<Fact> hidden(SplittableRandom random) {
        double share = random.nextDouble();
        Set<Fact> hidden = new TreeSet<>();
        for (Fact fact : FACTS) {
            if (random.nextDouble() < share) {
                hidden.add(fact);
            }
        }
        return hidden;
    }

    /** A clause and a complete profile: nothing hidden. */
    private static Case completeCase(SplittableRandom random) {
        return new Case(clause(random), RandomClauses.completeProfile(random), Set.of());
    }

    private static Case anyCase(SplittableRandom random) {
        return new Case(clause(random), RandomClauses.completeProfile(random), hidden(random));
    }

    private static Case monotoneCase(SplittableRandom random) {
        return new Case(monotoneClause(random), RandomClauses.completeProfile(random), hidden(random));
    }

    private static List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        for (Variable variable : SCHEMA.variables()) {
            if (variable.isYearly()) {
                RandomClauses.YEARS.forEach(year -> facts.add(Fact.of(variable.name(), year)));
            } else {
                facts.add(Fact.of(variable.name()));
            }
        }
        return List.copyOf(facts);
    }

    private static Compilation.Success compile(Clause clause) {
        Compilation compilation = Language.compile(clause.source(), SCHEMA, PARAMETERS, clause.type());
        assertThat(compilation.errors()).as("generated clause %s", clause.source()).isEmpty();
        return (Compilation.Success) compilation;
    }

    /** The complete profile with some facts left out. */
    private static Enterprise without(Enterprise complete, Set<Fact> hidden) {
        return new Enterprise() {
            @Override
            public Optional<Value> fact(String variable) {
                return hidden.contains(Fact.of(variable)) ? Optional.empty() : complete.fact(variable);
            }

            @Override
            public Optional<Value> fact(String variable, int year) {
                return hidden.contains(Fact.of(variable, year)) ? Optional.empty() : complete.fact(variable, year);
            }
        };
    }

    /** A property that holds vacuously proves nothing: at least {@code percent} of the tries must have reached it. */
    private static void assertShare(AtomicInteger count, int tries, int percent, String what) {
        assertThat(100.0 * count.get() / tries)
                .as("share of tries %s (seed %d): %d of %d", what, Properties.seed(), count.get(), tries)
                .isGreaterThan(percent);
    }

    @Test
    void onACompleteProfileEveryClauseGivesAKnownValueOfItsTypeOrAnError() {
        forAll(1500, EvaluationPropertiesTests::completeCase, c -> {
            Outcome outcome = EVALUATOR.evaluate(compile(c.clause()), c.profile().enterprise(), RandomClauses.YEAR);
            if (outcome instanceof Outcome.Evaluated evaluated) {
                assertThat(evaluated.value().isUnknown()).as(c.clause().source()).isFalse();
                assertThat(evaluated.value().type()).isEqualTo(c.clause().type());
            } else {
                assertThat(((Outcome.Failed) outcome).error().message()).isNotBlank();
            }
        });
    }

    @Test
    void unknownsNameOnlyFactsTheProfileLacks() {
        forAll(1500, EvaluationPropertiesTests::anyCase, c -> {
            Outcome outcome = EVALUATOR.evaluate(compile(c.clause()), without(c.profile().enterprise(), c.hidden()),
                    RandomClauses.YEAR);
            if (outcome instanceof Outcome.Evaluated evaluated) {
                if (evaluated.value().isUnknown()) {
                    assertThat(evaluated.missing()).as(c.clause().source()).isNotEmpty();
                    assertThat(c.hidden()).as(c.clause().source()).containsAll(evaluated.missing());
                } else {
                    assertThat(evaluated.value().type()).isEqualTo(c.clause().type());
                }
            }
        });
    }

    @Test
    void supplyingTheMissingFactsSettlesAnUnknownResult() {
        int tries = 2000;
        AtomicInteger undetermined = new AtomicInteger();
        forAll(tries, EvaluationPropertiesTests::monotoneCase, c -> {
            Compilation.Success compiled = compile(c.clause());
            Enterprise complete = c.profile().enterprise();
            Outcome partial = EVALUATOR.evaluate(compiled, without(complete, c.hidden()), RandomClauses.YEAR);
            if (partial instanceof Outcome.Evaluated p && p.value().isUnknown()) {
                undetermined.incrementAndGet();
                Set<Fact> stillHidden = new HashSet<>(c.hidden());
                stillHidden.removeAll(p.missing());
                Outcome supplied = EVALUATOR.evaluate(compiled, without(complete, stillHidden), RandomClauses.YEAR);
                if (supplied instanceof Outcome.Evaluated evaluated) {
                    assertThat(evaluated.value().isUnknown()).as(c.clause().source()).isFalse();
                }
            }
        });
        assertShare(undetermined, tries, 10, "unknown on the partial profile");
    }

    @Test
    void aClausePrintedAndReloadedEvaluatesTheSame() {
        forAll(1000, EvaluationPropertiesTests::anyCase, c -> {
            Compilation.Success original = compile(c.clause());
            Compilation.Success reloaded = compile(new Clause(Printer.print(original.expr()), c.clause().type()));
            Enterprise enterprise = without(c.profile().enterprise(), c.hidden());
            Outcome before = EVALUATOR.evaluate(original, enterprise, RandomClauses.YEAR);
            Outcome after = EVALUATOR.evaluate(reloaded, enterprise, RandomClauses.YEAR);
            if (before instanceof Outcome.Evaluated b) {
                assertThat(after).isInstanceOf(Outcome.Evaluated.class);
                assertThat(((Outcome.Evaluated) after).value()).isEqualTo(b.value());
                assertThat(((Outcome.Evaluated) after).trace().render()).isEqualTo(b.trace().render());
            } else {
                assertThat(((Outcome.Failed) after).error().message())
                        .isEqualTo(((Outcome.Failed) before).error().message());
            }
        });
    }

    @Test
    void aKnownResultOnAPartialProfileHoldsOnTheCompleteOne() {
        int tries = 2000;
        AtomicInteger knownOnBoth = new AtomicInteger();
        forAll(tries, EvaluationPropertiesTests::monotoneCase, c -> {
            Compilation.Success compiled = compile(c.clause());
            Enterprise complete = c.profile().enterprise();
            Outcome partial = EVALUATOR.evaluate(compiled, without(complete, c.hidden()), RandomClauses.YEAR);
            Outcome full = EVALUATOR.evaluate(compiled, complete, RandomClauses.YEAR);
            if (partial instanceof Outcome.Evaluated p && !p.value().isUnknown() && full instanceof Outcome.Evaluated f) {
                knownOnBoth.incrementAndGet();
                assertThat(f.value()).as(c.clause().source()).isEqualTo(p.value());
            }
        });
        assertShare(knownOnBoth, tries, 20, "known on both profiles");
    }
}

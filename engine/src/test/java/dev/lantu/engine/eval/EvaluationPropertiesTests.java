package dev.lantu.engine.eval;

import static dev.lantu.engine.Examples.PARAMETERS;
import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.Printer;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

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

    record Clause(String source, Type type) {
    }

    @Provide
    Arbitrary<Clause> clauses() {
        return Arbitraries.of(Type.BOOLEAN, Type.MONEY, Type.NUMBER)
                .flatMap(type -> RandomClauses.of(type, 3).map(source -> new Clause(source, type)));
    }

    /** Clauses without {@code has}: the ones a supplied fact may settle but never overturn. */
    @Provide
    Arbitrary<Clause> monotoneClauses() {
        return clauses().filter(clause -> !clause.source().contains("has("));
    }

    @Provide
    Arbitrary<MapEnterprise.Builder> profiles() {
        return RandomClauses.completeProfiles();
    }

    @Provide
    Arbitrary<Set<Fact>> hidden() {
        List<Fact> facts = new ArrayList<>();
        for (Variable variable : SCHEMA.variables()) {
            if (variable.isYearly()) {
                RandomClauses.YEARS.forEach(year -> facts.add(Fact.of(variable.name(), year)));
            } else {
                facts.add(Fact.of(variable.name()));
            }
        }
        return Arbitraries.subsetOf(facts);
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

    @Property(tries = 1500)
    void onACompleteProfileEveryClauseGivesAKnownValueOfItsTypeOrAnError(
            @ForAll("clauses") Clause clause, @ForAll("profiles") MapEnterprise.Builder profile) {
        Outcome outcome = EVALUATOR.evaluate(compile(clause), profile.build(), RandomClauses.YEAR);
        Statistics.label("outcome").collect(outcome.getClass().getSimpleName());
        if (outcome instanceof Outcome.Evaluated evaluated) {
            assertThat(evaluated.value().isUnknown()).as(clause.source()).isFalse();
            assertThat(evaluated.value().type()).isEqualTo(clause.type());
        } else {
            assertThat(((Outcome.Failed) outcome).error().message()).isNotBlank();
        }
    }

    @Property(tries = 1500)
    void unknownsNameOnlyFactsTheProfileLacks(@ForAll("clauses") Clause clause,
                                              @ForAll("profiles") MapEnterprise.Builder profile,
                                              @ForAll("hidden") Set<Fact> hidden) {
        Outcome outcome = EVALUATOR.evaluate(compile(clause), without(profile.build(), hidden), RandomClauses.YEAR);
        if (outcome instanceof Outcome.Evaluated evaluated) {
            Statistics.label("known on the partial profile").collect(!evaluated.value().isUnknown());
            if (evaluated.value().isUnknown()) {
                assertThat(evaluated.missing()).as(clause.source()).isNotEmpty();
                assertThat(hidden).as(clause.source()).containsAll(evaluated.missing());
            } else {
                assertThat(evaluated.value().type()).isEqualTo(clause.type());
            }
        }
    }

    @Property(tries = 2000)
    void supplyingTheMissingFactsSettlesAnUnknownResult(@ForAll("monotoneClauses") Clause clause,
                                                        @ForAll("profiles") MapEnterprise.Builder profile,
                                                        @ForAll("hidden") Set<Fact> hidden) {
        Compilation.Success compiled = compile(clause);
        Enterprise complete = profile.build();
        Outcome partial = EVALUATOR.evaluate(compiled, without(complete, hidden), RandomClauses.YEAR);
        boolean undetermined = partial instanceof Outcome.Evaluated p && p.value().isUnknown();
        Statistics.label("unknown on the partial profile").collect(undetermined);
        Statistics.label("unknown on the partial profile").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
        if (undetermined) {
            Set<Fact> stillHidden = new java.util.HashSet<>(hidden);
            stillHidden.removeAll(((Outcome.Evaluated) partial).missing());
            Outcome supplied = EVALUATOR.evaluate(compiled, without(complete, stillHidden), RandomClauses.YEAR);
            if (supplied instanceof Outcome.Evaluated evaluated) {
                assertThat(evaluated.value().isUnknown()).as(clause.source()).isFalse();
            }
        }
    }

    @Property(tries = 1000)
    void aClausePrintedAndReloadedEvaluatesTheSame(@ForAll("clauses") Clause clause,
                                                   @ForAll("profiles") MapEnterprise.Builder profile,
                                                   @ForAll("hidden") Set<Fact> hidden) {
        Compilation.Success original = compile(clause);
        Compilation.Success reloaded = compile(new Clause(Printer.print(original.expr()), clause.type()));
        Enterprise enterprise = without(profile.build(), hidden);
        Outcome before = EVALUATOR.evaluate(original, enterprise, RandomClauses.YEAR);
        Outcome after = EVALUATOR.evaluate(reloaded, enterprise, RandomClauses.YEAR);
        if (before instanceof Outcome.Evaluated b) {
            assertThat(after).isInstanceOf(Outcome.Evaluated.class);
            assertThat(((Outcome.Evaluated) after).value()).isEqualTo(b.value());
            assertThat(((Outcome.Evaluated) after).trace().render()).isEqualTo(b.trace().render());
        } else {
            assertThat(((Outcome.Failed) after).error().message()).isEqualTo(((Outcome.Failed) before).error().message());
        }
    }

    @Property(tries = 2000)
    void aKnownResultOnAPartialProfileHoldsOnTheCompleteOne(@ForAll("monotoneClauses") Clause clause,
                                                         @ForAll("profiles") MapEnterprise.Builder profile,
                                                         @ForAll("hidden") Set<Fact> hidden) {
        Compilation.Success compiled = compile(clause);
        Enterprise complete = profile.build();
        Outcome partial = EVALUATOR.evaluate(compiled, without(complete, hidden), RandomClauses.YEAR);
        Outcome full = EVALUATOR.evaluate(compiled, complete, RandomClauses.YEAR);
        boolean comparable = partial instanceof Outcome.Evaluated p && !p.value().isUnknown()
                && full instanceof Outcome.Evaluated;
        Statistics.label("known on both").collect(comparable);
        if (comparable) {
            assertThat(((Outcome.Evaluated) full).value()).as(clause.source())
                    .isEqualTo(((Outcome.Evaluated) partial).value());
        }
        Statistics.label("known on both").coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
    }
}

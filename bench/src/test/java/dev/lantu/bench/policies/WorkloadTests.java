package dev.lantu.bench.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.lang.Schema;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkloadTests {

    private static final Schema SCHEMA = Workload.schema();

    @Test
    void theSameSeedGivesTheSameEnterprisesAndClauses() {
        EnterpriseTable first = EnterpriseGenerator.generate(SCHEMA, 20_000, 7);
        EnterpriseTable second = EnterpriseGenerator.generate(SCHEMA, 20_000, 7);
        assertThat(fingerprint(second)).isEqualTo(fingerprint(first));
        assertThat(texts(Workload.clauses(SCHEMA, 60, 7))).isEqualTo(texts(Workload.clauses(SCHEMA, 60, 7)));
    }

    @Test
    void anotherSeedGivesOtherEnterprisesAndClauses() {
        assertThat(fingerprint(EnterpriseGenerator.generate(SCHEMA, 5_000, 8)))
                .isNotEqualTo(fingerprint(EnterpriseGenerator.generate(SCHEMA, 5_000, 7)));
        assertThat(texts(Workload.clauses(SCHEMA, 60, 8))).isNotEqualTo(texts(Workload.clauses(SCHEMA, 60, 7)));
    }

    @Test
    void aLargerTableBeginsWithTheSmallerOne() {
        EnterpriseTable small = EnterpriseGenerator.generate(SCHEMA, 20_000, 7);
        EnterpriseTable large = EnterpriseGenerator.generate(SCHEMA, 40_000, 7);
        for (int row : new int[] { 0, 16_383, 16_384, 19_999 }) {
            for (String column : small.columns().keySet()) {
                assertThat(large.column(column).value(row)).as(column + " at " + row).isEqualTo(small.column(column).value(row));
            }
        }
    }

    @Test
    void someFactsAreUnknownAndTheCurrentYearMostOften() {
        EnterpriseTable table = EnterpriseGenerator.generate(SCHEMA, 10_000, 7);
        double unknown2024 = unknownShare(table.column("revenue", 2024));
        double unknown2025 = unknownShare(table.column("revenue", 2025));
        assertThat(unknown2024).isBetween(0.01, 0.06);
        assertThat(unknown2025).isBetween(0.25, 0.35);
        assertThat(unknownShare(table.column("qualifications"))).isBetween(0.05, 0.11);
        assertThat(unknownShare(table.column("district"))).isZero();
    }

    @Test
    void everyColumnHasAPropertyOfTheDroolsFact() {
        EnterpriseTable table = EnterpriseGenerator.generate(SCHEMA, 10, 7);
        Map<String, Method> getters = Arrays.stream(EnterpriseFact.class.getMethods())
                .filter(m -> m.getName().startsWith("get"))
                .collect(Collectors.toMap(Method::getName, m -> m));
        for (String column : table.columns().keySet()) {
            String property = DroolsRules.property(column, null);
            assertThat(getters).containsKey("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        }
    }

    private static double unknownShare(EnterpriseTable.Column column) {
        int unknown = 0;
        for (int row = 0; row < 10_000; row++) {
            if (!column.known(row)) {
                unknown++;
            }
        }
        return unknown / 10_000.0;
    }

    /** Every value of every column, hashed. */
    private static int fingerprint(EnterpriseTable table) {
        int hash = 1;
        for (EnterpriseTable.Column column : table.columns().values()) {
            hash = 31 * hash + hash(column);
        }
        return hash;
    }

    private static int hash(EnterpriseTable.Column column) {
        if (column instanceof EnterpriseTable.MoneyColumn c) {
            return Arrays.hashCode(c.fen());
        }
        if (column instanceof EnterpriseTable.NumberColumn c) {
            return Arrays.hashCode(c.values());
        }
        if (column instanceof EnterpriseTable.BooleanColumn c) {
            return Arrays.hashCode(c.values());
        }
        if (column instanceof EnterpriseTable.DateColumn c) {
            return Arrays.hashCode(c.epochDays());
        }
        if (column instanceof EnterpriseTable.TextColumn c) {
            return Arrays.hashCode(c.codes());
        }
        return Arrays.hashCode(((EnterpriseTable.SetColumn) column).masks());
    }

    private static String texts(java.util.List<Workload.WorkloadClause> clauses) {
        return clauses.stream().map(c -> c.spec().eligibilityText() + " → " + c.spec().awardText() + " cap " + c.spec().capFen())
                .collect(Collectors.joining("\n"));
    }
}

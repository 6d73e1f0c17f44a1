package dev.lantu.engine.sql;

import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Periodicity;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Assessment.Status;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ClauseSource;
import dev.lantu.engine.policy.Delivery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Focused cases of the SQL compiler, each on every database at hand: the SQL gives what is stated
 * here, and the same as the reference {@link Assessor}.
 */
class SqlCompilerTests {

    private static final int YEAR = 2025;
    private static final List<Integer> YEARS = List.of(2022, 2023, 2024, 2025);

    private static Clause clause(String id, String eligibility, String award, Long cap) {
        Clause.Compiled compiled = Clause.compile(new ClauseSource(id, id, "", eligibility, award, cap,
                Delivery.ON_APPLICATION, ""), SCHEMA, SqlAgreementPropertiesTests.PARAMETERS);
        assertThat(compiled.errors()).as(id).isEmpty();
        return compiled.clause();
    }

    private static Clause clause(String id, String eligibility, String award) {
        return clause(id, eligibility, award, null);
    }

    /** Runs the clauses in SQL, checks each result against the Assessor's, and returns them by enterprise. */
    private static Map<String, List<ClauseResult>> run(SqlDialect dialect, Map<String, Enterprise> enterprises,
                                                       Clause... clauses) throws SQLException {
        Map<String, CompiledQuery.EnterpriseResults> rows = Databases.run(dialect, SCHEMA, YEARS, enterprises,
                List.of(clauses), SqlAgreementPropertiesTests.PARAMETERS.inForceOn(SqlAgreementPropertiesTests.RULE_DATE),
                YEAR);
        Assessor assessor = new Assessor(SCHEMA, SqlAgreementPropertiesTests.PARAMETERS);
        Map<String, List<ClauseResult>> results = new LinkedHashMap<>();
        enterprises.forEach((id, enterprise) -> {
            List<ClauseResult> expected = Databases.expected(assessor, List.of(clauses), enterprise, YEAR,
                    SqlAgreementPropertiesTests.RULE_DATE);
            assertThat(rows.get(id).clauses()).as("SQL on %s against the Assessor", id).isEqualTo(expected);
            results.put(id, rows.get(id).clauses());
        });
        return results;
    }

    private static ClauseResult result(String clauseId, Status status, Long fen) {
        return new ClauseResult(clauseId, status, fen, false);
    }

    private static MapEnterprise.Builder enterprise() {
        return MapEnterprise.builder();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aHalfFenRoundsAwayFromZeroOnceAfterTheExactSum(SqlDialect dialect) throws SQLException {
        Map<String, Enterprise> enterprises = new LinkedHashMap<>();
        enterprises.put("one-fen", enterprise().fact("revenue", YEAR, Value.money(1)).build());
        enterprises.put("minus-one-fen", enterprise().fact("revenue", YEAR, Value.money(-1)).build());
        enterprises.put("three-fen", enterprise().fact("revenue", YEAR, Value.money(3)).build());
        enterprises.put("two-yuan", enterprise().fact("revenue", YEAR, Value.money(200)).build());
        Map<String, List<ClauseResult>> results = run(dialect, enterprises,
                clause("half", "true", "revenue * 50%"),
                clause("halved", "true", "revenue / 2"),
                // 0.5% of the first 1元 and of the next: 0.5 fen + 0.5 fen is 1 fen, where rounding each tier gives 2
                clause("tiered", "true", "tiered(revenue, [1元: 0.5%, 0.5%])"));
        assertThat(results.get("one-fen")).containsExactly(result("half", Status.ELIGIBLE, 1L),
                result("halved", Status.ELIGIBLE, 1L), result("tiered", Status.ELIGIBLE, 0L));
        assertThat(results.get("minus-one-fen")).containsExactly(result("half", Status.ELIGIBLE, -1L),
                result("halved", Status.ELIGIBLE, -1L), result("tiered", Status.ELIGIBLE, 0L));
        assertThat(results.get("three-fen").subList(0, 2)).containsExactly(result("half", Status.ELIGIBLE, 2L),
                result("halved", Status.ELIGIBLE, 2L));
        assertThat(results.get("two-yuan").get(2)).isEqualTo(result("tiered", Status.ELIGIBLE, 1L));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void anIfWithAnUnknownConditionGivesTheBranchesCommonValueOrUnknown(SqlDialect dialect) throws SQLException {
        Map<String, Enterprise> enterprises = Map.of("unlisted-unknown", enterprise().build());
        Map<String, List<ClauseResult>> results = run(dialect, enterprises,
                clause("same", "if listed then true else true", "if listed then 100元 else 100元"),
                clause("different", "true", "if listed then 100元 else 200元"),
                clause("undecided", "if listed then true else false", "100元"));
        assertThat(results.get("unlisted-unknown")).containsExactly(result("same", Status.ELIGIBLE, 10_000L),
                result("different", Status.ELIGIBLE, null), result("undecided", Status.UNDETERMINED, 10_000L));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void anEvaluationErrorFailsThatEnterprisesClauseOnly(SqlDialect dialect) throws SQLException {
        Map<String, Enterprise> enterprises = new LinkedHashMap<>();
        enterprises.put("no-staff", enterprise().fact("employees", YEAR, Value.number(0)).fact("listed", Value.bool(false))
                .fact("revenue", YEAR, Value.yuan("100")).fact("revenue", YEAR - 1, Value.money(0)).build());
        enterprises.put("ten-staff", enterprise().fact("employees", YEAR, Value.number(10)).fact("listed", Value.bool(true))
                .fact("revenue", YEAR, Value.yuan("100")).fact("revenue", YEAR - 1, Value.yuan("50")).build());
        Map<String, List<ClauseResult>> results = run(dialect, enterprises,
                clause("per-head", "true", "revenue / employees"),
                // the right side of 'and' is not evaluated when the left is false, so it cannot fail
                clause("short-circuit", "listed and revenue / employees > 0元", "1元"),
                // the branch an 'if' does not take is not evaluated either
                clause("untaken", "true", "if listed then revenue / employees else 0元"),
                clause("growth", "growth(revenue) > 0", "1元"),
                clause("clamp", "true", "clamp(revenue, 100元, 1元)"),
                clause("out-of-range", "true", "revenue * 1000000000000000"));
        assertThat(results.get("no-staff")).extracting(ClauseResult::status).containsExactly(Status.FAILED,
                Status.NOT_ELIGIBLE, Status.ELIGIBLE, Status.FAILED, Status.FAILED, Status.FAILED);
        assertThat(results.get("ten-staff")).containsExactly(result("per-head", Status.ELIGIBLE, 1_000L),
                result("short-circuit", Status.ELIGIBLE, 100L), result("untaken", Status.ELIGIBLE, 1_000L),
                result("growth", Status.ELIGIBLE, 100L), result("clamp", Status.FAILED, null),
                result("out-of-range", Status.FAILED, null));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void quotesAndBackslashesInTextsAreDataNeverSql(SqlDialect dialect) throws SQLException {
        String hostile = "x' OR 1=1; DROP TABLE t; -- \\' \" 区";
        Map<String, Enterprise> enterprises = new LinkedHashMap<>();
        enterprises.put("hostile", enterprise().fact("district", Value.text(hostile))
                .fact("qualifications", Value.set(hostile, "专精特新")).build());
        enterprises.put("plain", enterprise().fact("district", Value.text("440106"))
                .fact("qualifications", Value.set("专精特新")).build());
        String literal = "\"x' OR 1=1; DROP TABLE t; -- \\\\' \\\" 区\"";
        Map<String, List<ClauseResult>> results = run(dialect, enterprises,
                clause("equal", "district == " + literal, "1元"),
                clause("member", literal + " in qualifications", "1元"),
                clause("listed", "district in [" + literal + ", \"440104\"]", "1元"),
                clause("bar", "\"a|b\" in qualifications", "1元"));
        assertThat(results.get("hostile")).extracting(ClauseResult::status)
                .containsExactly(Status.ELIGIBLE, Status.ELIGIBLE, Status.ELIGIBLE, Status.NOT_ELIGIBLE);
        assertThat(results.get("plain")).extracting(ClauseResult::status)
                .containsExactly(Status.NOT_ELIGIBLE, Status.NOT_ELIGIBLE, Status.NOT_ELIGIBLE, Status.NOT_ELIGIBLE);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void setsAreCountedAndMatchedWhetherStoredOrListed(SqlDialect dialect) throws SQLException {
        Map<String, Enterprise> enterprises = new LinkedHashMap<>();
        enterprises.put("two", enterprise().fact("qualifications", Value.set("高新技术企业", "专精特新"))
                .fact("district", Value.text("440106")).build());
        enterprises.put("none", enterprise().fact("qualifications", Value.set()).fact("district", Value.text("440112"))
                .build());
        enterprises.put("unknown", enterprise().build());
        Map<String, List<ClauseResult>> results = run(dialect, enterprises,
                clause("count", "count(qualifications) >= 2", "count(qualifications) * 1元"),
                clause("computed-list", "\"440106\" in [district, \"440104\"]", "count([district, \"440106\"]) * 1元"),
                clause("empty-list", "not (district in [])", "1元"),
                clause("has", "has(qualifications)", "1元"));
        assertThat(results.get("two")).containsExactly(result("count", Status.ELIGIBLE, 200L),
                result("computed-list", Status.ELIGIBLE, 100L), result("empty-list", Status.ELIGIBLE, 100L),
                result("has", Status.ELIGIBLE, 100L));
        assertThat(results.get("none")).containsExactly(result("count", Status.NOT_ELIGIBLE, 0L),
                result("computed-list", Status.NOT_ELIGIBLE, 0L), result("empty-list", Status.ELIGIBLE, 100L),
                result("has", Status.ELIGIBLE, 100L));
        assertThat(results.get("unknown")).containsExactly(result("count", Status.UNDETERMINED, null),
                result("computed-list", Status.UNDETERMINED, null), result("empty-list", Status.UNDETERMINED, 100L),
                result("has", Status.NOT_ELIGIBLE, 0L));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aClauseCapCutsTheAwardAndNotEligibleIsZero(SqlDialect dialect) throws SQLException {
        Map<String, Enterprise> enterprises = Map.of("big", enterprise().fact("revenue", YEAR, Value.yuan("100000000"))
                .fact("listed", Value.bool(true)).build());
        Map<String, List<ClauseResult>> results = run(dialect, enterprises,
                clause("capped", "listed", "revenue * 10%", 150_000_000L),
                clause("not-eligible", "not listed", "revenue * 10%", 150_000_000L),
                clause("periods", "revenue[last_year] > 0元 or revenue[2010] > 0元 or true", "revenue[this_year] * subsidy_rate"));
        assertThat(results.get("big")).containsExactly(result("capped", Status.ELIGIBLE, 150_000_000L),
                result("not-eligible", Status.NOT_ELIGIBLE, 0L), result("periods", Status.ELIGIBLE, 1_000_000_000L));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aNumberPastDuckDbsThirtyEightDigitsIsFlaggedThereAndExactElsewhere(SqlDialect dialect) throws SQLException {
        Databases.assumeAvailable(dialect);
        Map<String, Enterprise> enterprises = Map.of("e", enterprise().fact("revenue", YEAR, Value.yuan("3")).build());
        // four 12-place quotients multiplied need 48 decimal places
        Clause clause = clause("deep", "true", "revenue * ((1 / 3) * (1 / 3) * (1 / 3) * (1 / 3))");
        Map<String, CompiledQuery.EnterpriseResults> rows = Databases.run(dialect, SCHEMA, YEARS, enterprises,
                List.of(clause), SqlAgreementPropertiesTests.PARAMETERS.inForceOn(SqlAgreementPropertiesTests.RULE_DATE),
                YEAR);
        ClauseResult result = rows.get("e").clauses().get(0);
        if (dialect.boundedDecimals()) {
            assertThat(result).isEqualTo(new ClauseResult("deep", Status.FAILED, null, true));
        } else {
            assertThat(result).isEqualTo(result("deep", Status.ELIGIBLE, 4L));
        }
    }

    @Test
    void theLayoutHasAColumnPerStaticVariableAndPerYearlyVariableAndYear() {
        ProfileTable table = ProfileTable.of("profiles", Schema.of(
                new Variable("revenue", Type.MONEY, "元", Periodicity.YEARLY, "", ""),
                new Variable("district", Type.TEXT, "", Periodicity.STATIC, "", "")), List.of(2024, 2023));
        assertThat(table.columnNames()).containsExactly("id", "district", "revenue_2023", "revenue_2024");
        assertThat(table.createStatement()).isEqualTo("CREATE TABLE \"profiles\" (\"id\" VARCHAR(64) PRIMARY KEY, "
                + "\"district\" VARCHAR, \"revenue_2023\" BIGINT, \"revenue_2024\" BIGINT)");
        assertThat(ProfileTable.setText(List.of("专精特新", "高新技术企业", "专精特新"))).isEqualTo("|专精特新|高新技术企业|");
        assertThat(ProfileTable.setText(List.of())).isEqualTo("|");
    }

    @Test
    void aStaticVariableNamedLikeAYearlyColumnIsRefused() {
        Schema clash = Schema.of(new Variable("revenue", Type.MONEY, "元", Periodicity.YEARLY, "", ""),
                new Variable("revenue_2024", Type.MONEY, "元", Periodicity.STATIC, "", ""));
        assertThatThrownBy(() -> ProfileTable.of("profiles", clash, List.of(2024)))
                .isInstanceOf(SqlCompilationException.class).hasMessageContaining("revenue_2024");
        assertThatThrownBy(() -> ProfileTable.of("profiles; DROP TABLE x", SCHEMA, YEARS))
                .isInstanceOf(SqlCompilationException.class).hasMessageContaining("letters, digits and _");
    }

    @Test
    void aNumberTheColumnCannotHoldExactlyIsRefusedOnInsert() throws SQLException {
        try (Connection connection = Databases.open(SqlDialect.H2)) {
            ProfileTable table = ProfileTable.of(Databases.freshTableName(), SCHEMA, YEARS);
            table.create(connection);
            Enterprise precise = enterprise().fact("employees", YEAR, Value.number("1.0000001")).build();
            assertThatThrownBy(() -> table.insert(connection, Map.of("e", precise)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("employees_2025");
            Enterprise mistyped = enterprise().fact("listed", Value.text("yes")).build();
            assertThatThrownBy(() -> table.insert(connection, Map.of("e", mistyped)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed");
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.sqlName())) {
                count.next();
                assertThat(count.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aListOfComputedTextsOutsideInAndCountIsRefusedAtCompileTime() {
        ProfileTable table = ProfileTable.of("profiles", SCHEMA, YEARS);
        Clause clause = clause("computed-set", "qualifications == [district]", "1元");
        assertThatThrownBy(() -> SqlCompiler.compile(List.of(clause),
                SqlAgreementPropertiesTests.PARAMETERS.inForceOn(SqlAgreementPropertiesTests.RULE_DATE), YEAR,
                SqlDialect.H2, table))
                .isInstanceOf(SqlCompilationException.class).hasMessageContaining("computed-set")
                .hasMessageContaining("[district]");
    }
}

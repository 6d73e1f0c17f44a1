package dev.lantu.bench.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabaseTableTests {

    private static final EnterpriseTable TABLE = EnterpriseGenerator.generate(Workload.schema(), 3_000, 5);

    @Test
    void duckDbHoldsEveryRowWithItsUnknownFactsAsNull() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            DatabaseTable.loadDuckDb(connection, TABLE);
            assertLoaded(connection, "strpos(qualifications, '|专精特新|') > 0");
        }
    }

    @Test
    void postgresHoldsEveryRowWithItsUnknownFactsAsNull() throws Exception {
        String url = System.getenv("LANTU_TEST_PG_URL");
        assumeTrue(url != null, "LANTU_TEST_PG_URL is not set");
        try (Connection connection = DriverManager.getConnection(url, System.getenv().getOrDefault("LANTU_TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("LANTU_TEST_PG_PASSWORD", ""))) {
            connection.createStatement().execute("CREATE SCHEMA IF NOT EXISTS bench_table_tests");
            connection.createStatement().execute("SET search_path TO bench_table_tests");
            try {
                DatabaseTable.loadPostgres(connection, TABLE);
                assertLoaded(connection, "strpos(qualifications, '|专精特新|') > 0");
            } finally {
                connection.createStatement().execute("DROP SCHEMA bench_table_tests CASCADE");
            }
        }
    }

    private static void assertLoaded(Connection connection, String specialised) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), count(revenue_2024), sum(revenue_2024), count(qualifications),"
                        + " sum(CASE WHEN " + specialised + " THEN 1 ELSE 0 END), count(llm_filing_first_on),"
                        + " sum(CASE WHEN listed THEN 1 ELSE 0 END) FROM " + DatabaseTable.NAME)) {
            rs.next();
            EnterpriseTable.MoneyColumn revenue = TABLE.money("revenue", 2024);
            EnterpriseTable.SetColumn qualifications = (EnterpriseTable.SetColumn) TABLE.column("qualifications");
            long known = 0;
            long sum = 0;
            long specialisedCount = 0;
            long knownQualifications = 0;
            long filings = 0;
            long listed = 0;
            for (int row = 0; row < TABLE.size(); row++) {
                if (revenue.known(row)) {
                    known++;
                    sum += revenue.fen()[row];
                }
                if (qualifications.known(row)) {
                    knownQualifications++;
                    if (qualifications.set(row).contains("专精特新")) {
                        specialisedCount++;
                    }
                }
                if (TABLE.column("llm_filing_first_on").known(row)) {
                    filings++;
                }
                if (((EnterpriseTable.BooleanColumn) TABLE.column("listed")).values()[row] == 1) {
                    listed++;
                }
            }
            assertThat(rs.getLong(1)).isEqualTo(TABLE.size());
            assertThat(rs.getLong(2)).isEqualTo(known).isLessThan(TABLE.size());
            assertThat(rs.getLong(3)).isEqualTo(sum);
            assertThat(rs.getLong(4)).isEqualTo(knownQualifications);
            assertThat(rs.getLong(5)).isEqualTo(specialisedCount).isPositive();
            assertThat(rs.getLong(6)).isEqualTo(filings);
            assertThat(rs.getLong(7)).isEqualTo(listed);
        }
    }
}

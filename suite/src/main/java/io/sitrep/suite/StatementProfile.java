package io.sitrep.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * pg_stat_statements over one benchmark run: what the database did per unit of work (article, document). Needs the
 * embedded cluster started with {@code -Dsitrep.bench.statements=true} (Database preloads the extension then).
 */
final class StatementProfile {

    private final Database database;
    private final String unit;
    private long commitsBefore;

    StatementProfile(Database database, String unit) throws SQLException {
        this.database = database;
        this.unit = unit;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    void reset() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
            commitsBefore = commits(st);
        }
    }

    void print(int units) throws SQLException, InterruptedException {
        Thread.sleep(1500); // backends flush their statistics at most once a second
        try (Connection c = connect(); Statement st = c.createStatement()) {
            System.out.printf("  commits/%s %.2f%n", unit, (commits(st) - commitsBefore) / (double) units);
            try (ResultSet r = st.executeQuery("""
                    SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements
                    WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 15""")) {
                System.out.printf("  %8s %8s %9s  %s%n", "calls/" + unit.charAt(0), "ms/call", "ms total", "statement");
                while (r.next()) {
                    String q = r.getString(4);
                    System.out.printf("  %8.2f %8.3f %9.0f  %s%n", r.getLong(1) / (double) units,
                            r.getDouble(2) / r.getLong(1), r.getDouble(2), q.length() > 110 ? q.substring(0, 110) : q);
                }
            }
        }
    }

    private static long commits(Statement st) throws SQLException {
        try (ResultSet r = st.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            r.next();
            return r.getLong(1);
        }
    }
}

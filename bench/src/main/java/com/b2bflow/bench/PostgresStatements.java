package com.b2bflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * With {@code bench/run --profile}: what PostgreSQL executed for the application during an intake round
 * (pg_stat_statements, preloaded into the embedded server), per registration: which statements, how often, and the
 * server time they took. Written to {@code target/bench/postgres-statements-c<concurrency>.md}.
 */
final class PostgresStatements {

    static final String PRELOAD = "pg_stat_statements";

    private final String jdbcUrl;

    PostgresStatements(String jdbcUrl) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    void reset() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements since {@link #reset()}, per registration, the most server time first. */
    void write(String name, int registrations) throws SQLException, IOException {
        StringBuilder table = new StringBuilder("| calls per registration | ms per registration | rows per call | "
                + "statement |\n|---|---|---|---|\n");
        double calls = 0;
        double millis = 0;
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT calls, total_exec_time, rows, query "
                        + "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = "
                        + "current_database()) ORDER BY total_exec_time DESC")) {
            while (rows.next()) {
                double perRegistration = rows.getLong(1) / (double) registrations;
                double ms = rows.getDouble(2) / registrations;
                calls += perRegistration;
                millis += ms;
                String query = rows.getString(4).replaceAll("\\s+", " ").replace("|", "\\|");
                table.append(String.format(
                        Locale.ROOT,
                        "| %.2f | %.3f | %.1f | `%s` |%n",
                        perRegistration,
                        ms,
                        rows.getLong(3) / Math.max(1.0, rows.getLong(1)),
                        query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
        Path file = BenchmarkRunner.OUT.resolve(name + ".md");
        Files.writeString(
                file,
                String.format(
                                Locale.ROOT,
                                "# PostgreSQL statements per registration (%s)%n%n"
                                        + "%d registrations: %.1f statements and %.2f ms of statement execution per registration (commits "
                                        + "and round trips not included)%n%n",
                                name,
                                registrations,
                                calls,
                                millis)
                        + table);
        Log.info("PostgreSQL: %.1f statements, %.2f ms of execution per registration; see %s", calls, millis, file);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}

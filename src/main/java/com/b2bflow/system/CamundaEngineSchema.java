package com.b2bflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 20: Camunda 7.24's own create scripts for H2 and PostgreSQL (copied unchanged from the engine jar
 * into {@code db/camunda/7.24}), one per schema component, in the order the engine's schema creation runs them.
 * A component whose table is already there is skipped: a database from before this migration has the engine tables
 * the engine made itself ({@code schema-update: true}), and they are adopted as they are, if they are 7.24's.
 * Later engine versions come as plain SQL migrations copied from Camunda's upgrade scripts (docs/adr/0010).
 * <p>
 * Flyway finds this migration as a Spring bean (Spring Boot hands {@link JavaMigration} beans to Flyway); the checksum
 * covers the scripts, so an edited copy fails Flyway's validation like an edited SQL migration would.
 */
@Component
public class CamundaEngineSchema implements JavaMigration {

    public static final MigrationVersion VERSION = MigrationVersion.fromVersion("20");
    static final String ENGINE_VERSION = "7.24";

    private static final Logger log = LoggerFactory.getLogger(CamundaEngineSchema.class);

    /** Camunda's schema components: script name and the table by which the engine tells that it exists. */
    private enum Component {
        ENGINE("engine", "ACT_RU_EXECUTION"),
        HISTORY("history", "ACT_HI_PROCINST"),
        IDENTITY("identity", "ACT_ID_USER"),
        CASE_ENGINE("case.engine", "ACT_RE_CASE_DEF"),
        CASE_HISTORY("case.history", "ACT_HI_CASEINST"),
        DECISION_ENGINE("decision.engine", "ACT_RE_DECISION_DEF"),
        DECISION_HISTORY("decision.history", "ACT_HI_DECINST");

        final String script;
        final String table;

        Component(String script, String table) {
            this.script = script;
            this.table = table;
        }

        String resource(String database) {
            return "db/camunda/" + ENGINE_VERSION + "/activiti." + database + ".create." + script + ".sql";
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "Camunda " + ENGINE_VERSION + " engine schema";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (String database : List.of("h2", "postgres")) {
            for (Component component : Component.values()) {
                crc.update(read(component.resource(database)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String database = camundaDatabaseType(connection.getMetaData().getDatabaseProductName());
        if (tablePresent(connection, Component.ENGINE.table)) {
            requireEngineVersion(connection);
        }
        for (Component component : Component.values()) {
            if (tablePresent(connection, component.table)) {
                log.info("Camunda {} tables are there already (made by the engine): adopted", component.script);
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(read(component.resource(database)))) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String camundaDatabaseType(String productName) {
        return switch (productName) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgres";
            default -> throw new FlywayException("No Camunda schema scripts for " + productName);
        };
    }

    /** Engine tables from another Camunda version need that version's upgrade scripts, not adoption. */
    private static void requireEngineVersion(Connection connection) throws SQLException {
        MigrationVersion newest = null;
        try (Statement statement = connection.createStatement();
                ResultSet versions = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
            while (versions.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(versions.getString(1));
                newest = newest == null || version.isNewerThan(newest.getVersion()) ? version : newest;
            }
        }
        if (newest == null || !(newest.getVersion() + ".").startsWith(ENGINE_VERSION + ".")) {
            throw new FlywayException("The database holds Camunda engine tables of version " + newest
                    + ", not " + ENGINE_VERSION + ": bring them to " + ENGINE_VERSION
                    + " with Camunda's upgrade scripts before this migration adopts them");
        }
    }

    private static boolean tablePresent(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables =
                    meta.getTables(connection.getCatalog(), connection.getSchema(), name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The statements of a Camunda script, split the way the engine splits them: comment lines dropped, a statement
     * ends with the line that ends with a semicolon.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                statement.append(trimmed, 0, trimmed.length() - 1);
                statements.add(statement.toString());
                statement.setLength(0);
            } else {
                statement.append(trimmed).append(' ');
            }
        }
        if (!statement.isEmpty()) {
            throw new FlywayException("Camunda script ends without a semicolon: " + statement);
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = CamundaEngineSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new FlywayException("Missing Camunda script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

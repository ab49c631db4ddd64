package com.b2bflow.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Bulk data for the scale benchmark, generated with PostgreSQL {@code generate_series} in chunks (with a progress
 * bar) rather than through the application:
 * <ul>
 * <li>{@code organizations} organizations in a three-level tree below the BuyerRegistration parent: 1% at the top,
 * each with 9 children, each of those with 10 (so a top organization's subtree has 100 organizations);</li>
 * <li>10 users per organization (logon ids, names from small lists, emails), a real bcrypt hash for all;</li>
 * <li>one open registration per organization, each with the engine rows of one real instance waiting at
 * {@code Task_ReviewRegistration} cloned with new ids: executions, the task, its candidate group link and
 * authorization, variables and the two SLA timer jobs (runtime tables only; history rows are not cloned).</li>
 * </ul>
 * Tables are analyzed afterwards, as autovacuum would.
 */
final class ScaleData {

    static final String[] FIRST_NAMES = {
        "Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gus", "Hana", "Ivo", "Jana", "Karl", "Lena", "Max", "Nora", "Otto",
        "Pia", "Quin", "Rosa", "Sven", "Tara"
    };
    static final String[] LAST_NAMES = {
        "Smith",
        "Miller",
        "Schmidt",
        "Meyer",
        "Weber",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Krueger",
        "Hofmann",
        "Hartmann",
        "Lange",
        "Schmitt",
        "Werner",
        "Krause",
        "Meier",
        "Lehmann",
        "Schmid",
        "Schulze",
        "Maier",
        "Koehler",
        "Herrmann",
        "Koenig",
        "Walter",
        "Mayer",
        "Huber",
        "Kaiser",
        "Fuchs",
        "Peters",
        "Lang",
        "Scholz",
        "Moeller",
        "Weiss",
        "Jung",
        "Hahn",
        "Schubert",
        "Vogel",
        "Friedrich",
        "Keller",
        "Guenther",
        "Frank"
    };
    static final int USERS_PER_ORGANIZATION = 10;
    private static final String[] ENGINE_TABLES = {
        "ACT_RU_EXECUTION",
        "ACT_RU_TASK",
        "ACT_RU_VARIABLE",
        "ACT_RU_JOB",
        "ACT_RU_IDENTITYLINK",
        "ACT_RU_AUTHORIZATION",
        "ACT_RU_EVENT_SUBSCR"
    };

    private final DataSource dataSource;
    final int organizations;
    final long organizationBase;
    final long userBase;
    final int topLevel;

    ScaleData(DataSource dataSource, int organizations) throws SQLException {
        this.dataSource = dataSource;
        this.organizations = organizations;
        this.topLevel = organizations / 100;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            organizationBase = max(statement, "organization") + 1000;
            userBase = max(statement, "member_user") + 1000;
        }
    }

    private static long max(Statement statement, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Id of the g-th generated organization (1-based); top-level ones are 1..topLevel. */
    long organizationId(long g) {
        return organizationBase + g;
    }

    long firstUserIdOf(long g) {
        return userBase + (g - 1) * USERS_PER_ORGANIZATION + 1;
    }

    String registrationId(String template, long g) {
        return template + "-" + g;
    }

    void organizations(long parentId) throws SQLException {
        int second = topLevel * 9;
        String parent = "CASE WHEN g <= " + topLevel + " THEN " + parentId
                + " WHEN g <= " + (topLevel + second) + " THEN " + organizationBase + " + ((g - " + topLevel
                + " - 1) / 9) + 1"
                + " ELSE " + organizationBase + " + " + topLevel + " + ((g - " + (topLevel + second)
                + " - 1) / 10) + 1 END";
        chunked("organizations", organizations, (lo, hi) -> """
                INSERT INTO organization (id, parent_id, name, name_normalized, org_type, state, description,
                    business_category, tax_id, email_domain, created_at, version)
                SELECT %d + g, %s, 'Scale Org ' || g, 'scale org ' || g, 'O', 'APPROVED', 'Generated',
                    'Wholesale', 'TAX-' || g, 'org' || g || '.example.com', now() - g * interval '1 minute', 0
                FROM generate_series(%d, %d) AS g
                """.formatted(organizationBase, parent, lo, hi));
        execute("SELECT setval(pg_get_serial_sequence('organization', 'id'), (SELECT MAX(id) FROM organization))");
    }

    void users(String passwordHash) throws SQLException {
        long users = (long) organizations * USERS_PER_ORGANIZATION;
        String first = array(FIRST_NAMES);
        String last = array(LAST_NAMES);
        chunked("users", users, (lo, hi) -> """
                INSERT INTO member_user (id, organization_id, logon_id, logon_id_normalized, email, first_name,
                    last_name, password_hash, profile_type, registration_state, enabled, failed_login_count,
                    created_at, version)
                SELECT %d + g, %d + ((g - 1) / %d) + 1, 'buyer' || g, 'buyer' || g,
                    'buyer' || g || '@org' || (((g - 1) / %d) + 1) || '.example.com',
                    (%s)[1 + (g %% %d)], (%s)[1 + ((g / %d) %% %d)], '%s', 'B', 'APPROVED', true, 0, now(), 0
                FROM generate_series(%d, %d) AS g
                """.formatted(
                        userBase,
                        organizationBase,
                        USERS_PER_ORGANIZATION,
                        USERS_PER_ORGANIZATION,
                        first,
                        FIRST_NAMES.length,
                        last,
                        FIRST_NAMES.length,
                        LAST_NAMES.length,
                        passwordHash.replace("'", "''"),
                        lo,
                        hi));
        execute("SELECT setval(pg_get_serial_sequence('member_user', 'id'), (SELECT MAX(id) FROM member_user))");
    }

    /**
     * One open registration per generated organization, cloned from a real one waiting at review: the registration
     * row points at the generated organization and its first user, the engine rows get new ids.
     */
    void registrations(String templateRegistrationId, String templateProcessInstanceId) throws SQLException {
        Set<String> templateIds = new LinkedHashSet<>();
        templateIds.add(templateRegistrationId);
        templateIds.add(templateProcessInstanceId);
        List<String[]> templates = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> executionIds = ids(
                    connection, "SELECT ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?", templateProcessInstanceId);
            List<String> taskIds =
                    ids(connection, "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", templateProcessInstanceId);
            templateIds.addAll(executionIds);
            templateIds.addAll(taskIds);
            templateIds.addAll(ids(
                    connection, "SELECT ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?", templateProcessInstanceId));
            templateIds.addAll(ids(
                    connection,
                    "SELECT ID_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?",
                    templateProcessInstanceId));
            String taskList = quoted(taskIds);
            String instanceScope = quoted(List.of(templateProcessInstanceId));
            templates.add(new String[] {"ACT_RU_EXECUTION", "PROC_INST_ID_ = " + instanceScope});
            templates.add(new String[] {"ACT_RU_TASK", "PROC_INST_ID_ = " + instanceScope});
            templates.add(new String[] {"ACT_RU_VARIABLE", "PROC_INST_ID_ = " + instanceScope});
            templates.add(new String[] {"ACT_RU_JOB", "PROCESS_INSTANCE_ID_ = " + instanceScope});
            templates.add(new String[] {"ACT_RU_IDENTITYLINK", "TASK_ID_ IN (" + taskList + ")"});
            templates.add(
                    new String[] {"ACT_RU_AUTHORIZATION", "RESOURCE_ID_ IN (" + taskList + ", " + instanceScope + ")"});
            templates.add(new String[] {"ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_ = " + instanceScope});
            for (String[] template : templates) {
                templateIds.addAll(ids(connection, "SELECT ID_ FROM " + template[0] + " WHERE " + template[1]));
            }
        }
        String idList = quoted(new ArrayList<>(templateIds));
        chunked("registrations", organizations, (lo, hi) -> """
                INSERT INTO registration (id, flow, state, step, submitted_data, applicant_email, process_instance_id,
                    organization_id, user_id, submitted_at, version)
                SELECT r.id || '-' || g, r.flow, 'PENDING', NULL, r.submitted_data,
                    'buyer' || ((g - 1) * %d + 1) || '@org' || g || '.example.com', '%s-' || g, %d + g,
                    %d + (g - 1) * %d + 1, now() - g * interval '1 second', 0
                FROM registration r, generate_series(%d, %d) AS g WHERE r.id = '%s'
                """.formatted(
                        USERS_PER_ORGANIZATION,
                        templateProcessInstanceId,
                        organizationBase,
                        userBase,
                        USERS_PER_ORGANIZATION,
                        lo,
                        hi,
                        templateRegistrationId));
        for (String[] template : templates) {
            String table = template[0];
            List<String[]> columns = columns(table);
            String targets = columns.stream().map(c -> c[0]).collect(Collectors.joining(", "));
            String values = columns.stream().map(c -> value(table, c, idList)).collect(Collectors.joining(", "));
            chunked(
                    table.toLowerCase(Locale.ROOT),
                    organizations,
                    (lo, hi) -> "INSERT INTO " + table + " ("
                            + targets + ") SELECT " + values + " FROM " + table + " t, generate_series(" + lo + ", "
                            + hi
                            + ") AS g WHERE t." + template[1]);
        }
        for (String table : List.of(
                "organization",
                "member_user",
                "registration",
                "ACT_RU_EXECUTION",
                "ACT_RU_TASK",
                "ACT_RU_VARIABLE",
                "ACT_RU_JOB",
                "ACT_RU_IDENTITYLINK",
                "ACT_RU_AUTHORIZATION")) {
            execute("ANALYZE " + table);
        }
    }

    /** The cloned value of one column: template ids get the suffix {@code -g}, task creation times spread out. */
    private static String value(String table, String[] column, String idList) {
        String name = column[0];
        if (column[1].equals("varchar") || column[1].equals("text")) {
            return "CASE WHEN t." + name + " IN (" + idList + ") THEN t." + name + " || '-' || g ELSE t." + name
                    + " END";
        }
        if (table.equals("ACT_RU_TASK") && name.equalsIgnoreCase("CREATE_TIME_")) {
            return "t." + name + " - g * interval '1 second'";
        }
        return "t." + name;
    }

    private List<String[]> columns(String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet result = metadata.getColumns(null, null, table.toLowerCase(Locale.ROOT), null)) {
                while (result.next()) {
                    columns.add(new String[] {result.getString("COLUMN_NAME"), result.getString("TYPE_NAME")});
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No columns for " + table);
        }
        return columns;
    }

    private static List<String> ids(Connection connection, String sql, String... parameters) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    private static String quoted(List<String> values) {
        return values.isEmpty()
                ? "NULL"
                : values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    private static String array(String[] values) {
        return "ARRAY["
                + java.util.Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + "]";
    }

    interface Chunk {
        String sql(long lo, long hi);
    }

    private void chunked(String what, long total, Chunk chunk) throws SQLException {
        Progress progress = new Progress(what, total);
        long size = Math.max(1000, total / 25);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (long lo = 1; lo <= total; lo += size) {
                long hi = Math.min(total, lo + size - 1);
                statement.execute(chunk.sql(lo, hi));
                progress.update(hi);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }
}

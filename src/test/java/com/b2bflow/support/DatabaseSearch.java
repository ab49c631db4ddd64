package com.b2bflow.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Searches the raw database - every text column and every byte-array column of every table, the application's,
 * Camunda's and Spring Session's, on H2 or PostgreSQL - for strings: where personal data or a secret is left.
 * Deployed resources (models, forms) and Flyway's history are not searched.
 */
public final class DatabaseSearch {

    private static final Set<Integer> TEXT = Set.of(
            Types.VARCHAR,
            Types.CHAR,
            Types.LONGVARCHAR,
            Types.CLOB,
            Types.NVARCHAR,
            Types.NCHAR,
            Types.LONGNVARCHAR,
            Types.NCLOB);
    private static final Set<Integer> BYTES = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY);

    private DatabaseSearch() {}

    /** "table.column ~ needle" where one of the strings occurs (case-insensitive), with the count of rows. */
    public static Map<String, Integer> find(DataSource dataSource, String... needles) throws SQLException {
        return find(dataSource, Set.of(), needles);
    }

    /**
     * As {@link #find(DataSource, String...)}, leaving out the columns named "table.column" (case-insensitive), e.g.
     * the one column where a password hash belongs.
     */
    public static Map<String, Integer> find(DataSource dataSource, Set<String> skipped, String... needles)
            throws SQLException {
        Set<String> skip = new HashSet<>();
        skipped.forEach(column -> skip.add(column.toLowerCase(Locale.ROOT)));
        Map<String, Integer> found = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> text = new ArrayList<>();
            List<String[]> bytes = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (table.toLowerCase(Locale.ROOT).startsWith("flyway")
                            || skip.contains((table + "." + column).toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    int type = rs.getInt("DATA_TYPE");
                    if (TEXT.contains(type)) {
                        text.add(new String[] {table, column});
                    } else if (BYTES.contains(type)) {
                        bytes.add(new String[] {table, column});
                    }
                }
            }
            if (text.isEmpty()) {
                throw new IllegalStateException("No text columns found in schema " + connection.getSchema());
            }
            for (String[] column : text) {
                searchText(connection, column, needles, found);
            }
            for (String[] column : bytes) {
                searchBytes(connection, column, needles, found);
            }
        }
        return found;
    }

    private static void searchText(Connection connection, String[] column, String[] needles, Map<String, Integer> found)
            throws SQLException {
        String sql = "select count(*) from " + quote(column[0]) + " where lower(" + quote(column[1]) + ") like ?";
        for (String needle : needles) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, "%" + needle.toLowerCase(Locale.ROOT) + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        found.merge(column[0] + "." + column[1] + " ~ " + needle, rs.getInt(1), Integer::sum);
                    }
                }
            }
        }
    }

    private static void searchBytes(
            Connection connection, String[] column, String[] needles, Map<String, Integer> found) throws SQLException {
        String sql = "select " + quote(column[1]) + " from " + quote(column[0]);
        if (column[0].equalsIgnoreCase("act_ge_bytearray")) {
            // deployed models and forms; the column's case follows the table's (H2 upper, PostgreSQL lower)
            boolean upper = column[0].equals(column[0].toUpperCase(Locale.ROOT));
            sql += " where " + quote(upper ? "DEPLOYMENT_ID_" : "deployment_id_") + " is null";
        }
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                byte[] content = rs.getBytes(1);
                String value =
                        content == null ? "" : new String(content, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                for (String needle : needles) {
                    if (value.contains(needle.toLowerCase(Locale.ROOT))) {
                        found.merge(column[0] + "." + column[1] + " ~ " + needle, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }
}

package com.b2bflow.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Searches every text column of every table of the database (the application's and Camunda's, H2 or PostgreSQL)
 * and Camunda's byte arrays (serialized variables, not deployments) for strings: where personal data is left.
 */
final class DatabaseSearch {

    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    private DatabaseSearch() {
    }

    /** "table.column" where one of the strings occurs (case-insensitive), with the count of rows. */
    static Map<String, Integer> find(DataSource dataSource, String... needles) throws SQLException {
        Map<String, Integer> found = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    if (TEXT.contains(rs.getInt("DATA_TYPE"))) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("No text columns found in schema " + schema);
            }
            for (String[] column : columns) {
                if (column[0].toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    continue;
                }
                for (String needle : needles) {
                    String sql = "select count(*) from " + quote(column[0]) + " where lower(" + quote(column[1])
                            + ") like ?";
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
            String bytes = "select id_, bytes_ from " + tableName(meta, schema, "act_ge_bytearray")
                    + " where deployment_id_ is null";
            try (PreparedStatement statement = connection.prepareStatement(bytes);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byte[] content = rs.getBytes(2);
                    String text = content == null ? "" : new String(content, StandardCharsets.UTF_8)
                            .toLowerCase(Locale.ROOT);
                    for (String needle : needles) {
                        if (text.contains(needle.toLowerCase(Locale.ROOT))) {
                            found.merge("ACT_GE_BYTEARRAY " + rs.getString(1) + " ~ " + needle, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String tableName(DatabaseMetaData meta, String schema, String lower) throws SQLException {
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(lower)) {
                    return quote(rs.getString("TABLE_NAME"));
                }
            }
        }
        throw new IllegalStateException("No table " + lower);
    }

    private static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }
}

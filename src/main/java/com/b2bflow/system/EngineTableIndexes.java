package com.b2bflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the product's own {@code CREATE INDEX IF NOT EXISTS} statements on the engine's tables, once the engine has
 * built its schema, outside any transaction. A failure (another node created the index at the same moment, or the
 * database user may not create indexes) is logged, not fatal: the indexes make queries fast, not correct.
 */
final class EngineTableIndexes {

    private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

    private EngineTableIndexes() {
    }

    static void ensure(ProcessEngineConfigurationImpl configuration, String indexes, String... createStatements) {
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                for (String create : createStatements) {
                    statement.execute(create);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.warn("Could not ensure {}: {}", indexes, e.getMessage());
        }
    }
}

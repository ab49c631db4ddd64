package com.b2bflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on {@code ACT_RU_JOB.DUEDATE_}, which Camunda does not create. The job executor's acquisition query asks
 * for jobs that are due ({@code DUEDATE_ IS NULL OR DUEDATE_ <= now}); without an index PostgreSQL reads every job,
 * and every open registration has two SLA timer jobs per staff task, so each acquisition (several per second while
 * jobs run) cost time in proportion to the open registrations: 22 ms with 10,000 open (20,000 timer jobs), 0.04 ms
 * with the index (bench/RESULTS.md).
 * <p>
 * Not a Flyway migration: Flyway runs before the engine creates its tables on an empty database. Created right after
 * the engine has created or updated its schema, idempotently ({@code IF NOT EXISTS}, H2 and PostgreSQL); a node that
 * loses the race to another starting node finds the index there.
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "B2B_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                statement.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + table + " (DUEDATE_)");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            // another node created it at the same moment, or the database user may not create indexes
            log.warn("Could not ensure index {} on {}: {}", NAME, table, e.getMessage());
        }
    }
}

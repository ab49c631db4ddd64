package com.b2bflow.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        EngineTableIndexes.ensure(configuration, "index " + NAME + " on " + table,
                "CREATE INDEX IF NOT EXISTS " + NAME + " ON " + table + " (DUEDATE_)");
    }
}

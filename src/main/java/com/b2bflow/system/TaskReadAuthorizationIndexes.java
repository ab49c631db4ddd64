package com.b2bflow.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL partial indexes on {@code ACT_RU_AUTHORIZATION} for the rows that grant reading tasks (READ on a task,
 * READ_TASK on a process definition). A task query's authorization check reads the querying user's and groups'
 * grants whose permissions include the one checked ({@code PERMS_ & 2 = 2}); the per-task authorizations that let a
 * candidate group work each of its tasks (staff/CandidateGroupAuthorizations: UPDATE only) belong to the same group,
 * so without these indexes the check read and discarded every one of them: 100,001 rows for the seller
 * administrators with 100,000 open registrations (bench/RESULTS.md). The indexes hold only the few granting rows, and
 * writing a per-task authorization does not touch them. H2 has no partial indexes: nothing there (the scale
 * benchmark runs on PostgreSQL). Created after the engine has built its schema, idempotently, like
 * {@link JobAcquisitionIndex}.
 */
@Component
public class TaskReadAuthorizationIndexes extends AbstractProcessEnginePlugin {

    static final String READ_TASK = "B2B_IDX_AUTH_READ";
    static final String READ_DEFINITION_TASKS = "B2B_IDX_AUTH_READ_TASK";

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
        EngineTableIndexes.ensure(configuration, "the task read indexes on " + table,
                "CREATE INDEX IF NOT EXISTS " + READ_TASK + " ON " + table
                        + " (RESOURCE_TYPE_, GROUP_ID_) WHERE (PERMS_ & 2) = 2",
                "CREATE INDEX IF NOT EXISTS " + READ_DEFINITION_TASKS + " ON " + table
                        + " (RESOURCE_TYPE_, GROUP_ID_) WHERE (PERMS_ & 64) = 64");
    }
}

package com.b2bflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.b2bflow.support.MigrationDatabases;
import com.b2bflow.support.TestTiers;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A database made the way the application made it before the engine schema came under Flyway (application tables by
 * Flyway, engine tables by the engine itself with {@code schema-update: true}, an open registration in it) is taken
 * under Flyway's control by the application's migrations ({@link CamundaEngineSchema} adopts the engine's tables, the
 * index migrations add what the engine plugins used to), and the registration goes on. On H2, or on PostgreSQL in the
 * PostgreSQL pass ({@code test.database=postgres}).
 */
@Tag(TestTiers.DATABASE)
class EngineSchemaAdoptionTest {

    private final boolean postgres = MigrationDatabases.postgres();
    private HikariDataSource dataSource;

    @AfterEach
    void closeDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void anEngineMadeSchemaWithARunningRegistrationComesUnderFlyway() throws SQLException {
        dataSource = database("adopt");
        // the application tables as before: every migration older than the engine schema's
        MigrationVersion lastBeforeEngine = Arrays.stream(
                        flyway(dataSource).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> CamundaEngineSchema.VERSION.isNewerThan(version.getVersion()))
                .max(MigrationVersion::compareTo)
                .orElseThrow();
        flyway(dataSource).target(lastBeforeEngine).load().migrate();

        String instanceId;
        ProcessEngine before = engine(dataSource, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        try {
            before.getRepositoryService()
                    .createDeployment()
                    .addModelInstance("registration.bpmn", registration())
                    .deploy();
            instanceId = before.getRuntimeService()
                    .startProcessInstanceByKey(
                            "registration", "registration-42", Map.of("organizationName", "Acme Tools"))
                    .getId();
            try (Connection connection = dataSource.getConnection()) {
                // the engine plugin of earlier versions created this index at every start
                connection
                        .createStatement()
                        .execute("CREATE INDEX IF NOT EXISTS B2B_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
            }
        } finally {
            before.close();
        }

        Flyway flyway = flyway(dataSource).load();
        flyway.migrate();
        assertThat(flyway.info().pending()).isEmpty();
        // the engine's migrations (20) and its indexes (21, 22); the application's later ones follow them
        assertThat(flyway.info().applied())
                .filteredOn(
                        m -> m.getVersion().isAtLeast("20") && !m.getVersion().isAtLeast("23"))
                .extracting(m -> m.getVersion().getVersion(), MigrationInfo::getState)
                .containsExactlyElementsOf(
                        postgres
                                ? List.of(
                                        tuple("20", MigrationState.SUCCESS),
                                        tuple("21", MigrationState.SUCCESS),
                                        tuple("22", MigrationState.SUCCESS))
                                : List.of(tuple("20", MigrationState.SUCCESS), tuple("21", MigrationState.SUCCESS)));
        flyway.validate();

        ProcessEngine after = engine(dataSource, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        try {
            ProcessInstance running = after.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey("registration-42")
                    .singleResult();
            assertThat(running.getId()).isEqualTo(instanceId);
            assertThat(after.getRuntimeService().getVariable(instanceId, "organizationName"))
                    .isEqualTo("Acme Tools");
            Task review = after.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instanceId)
                    .singleResult();
            assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRegistration");
            after.getTaskService().claim(review.getId(), "seller-admin-1");

            // the reminder timer of the review is due later; run it now: the engine writes to the adopted tables
            Job reminder = after.getManagementService()
                    .createJobQuery()
                    .processInstanceId(instanceId)
                    .timers()
                    .activityId("Timer_ReviewReminder")
                    .singleResult();
            after.getManagementService().executeJob(reminder.getId());
            assertThat(after.getManagementService()
                            .createJobQuery()
                            .processInstanceId(instanceId)
                            .activityId("Task_RemindReviewers")
                            .count())
                    .isOne();
            assertThat(after.getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .singleResult()
                            .getStartTime())
                    .isNotNull();
        } finally {
            after.close();
        }
        assertThat(indexes(dataSource)).contains("B2B_IDX_JOB_DUEDATE");
        if (postgres) {
            assertThat(indexes(dataSource)).contains("B2B_IDX_AUTH_READ", "B2B_IDX_AUTH_READ_TASK");
        }
    }

    @Test
    void flywayMakesTheSameEngineTablesTheEngineMakes() throws SQLException {
        dataSource = database("engine-made");
        engine(dataSource, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).close();
        Set<String> engineMade = engineTables(dataSource);
        dataSource.close();

        dataSource = database("flyway-made");
        flyway(dataSource).load().migrate();
        assertThat(engineTables(dataSource)).isEqualTo(engineMade).hasSizeGreaterThan(40);
        engine(dataSource, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE).close();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(HikariDataSource database) {
        return MigrationDatabases.flyway(database);
    }

    /**
     * The shape of a registration waiting for staff review (processes/*.bpmn): a user task with a non-interrupting
     * reminder timer that starts an asynchronous reminder.
     */
    private static BpmnModelInstance registration() {
        return Bpmn.createExecutableProcess("registration")
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_ReviewRegistration")
                .camundaCandidateGroups("seller-admins")
                .boundaryEvent("Timer_ReviewReminder")
                .cancelActivity(false)
                .timerWithDuration("P2D")
                .serviceTask("Task_RemindReviewers")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent()
                .moveToActivity("Task_ReviewRegistration")
                .endEvent()
                .done();
    }

    /** A standalone engine with the application's history level. */
    private static ProcessEngine engine(HikariDataSource database, String schemaUpdate) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("schema-adoption-" + UUID.randomUUID());
        configuration.setDataSource(database);
        configuration.setDatabaseSchemaUpdate(schemaUpdate);
        LeanHistoryLevelRegistration.register(configuration);
        configuration.setHistory(LeanHistoryLevel.NAME);
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        return configuration.buildProcessEngine();
    }

    private static HikariDataSource database(String purpose) {
        return MigrationDatabases.create(purpose);
    }

    private static Set<String> engineTables(HikariDataSource database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = database.getConnection();
                ResultSet rs =
                        connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toUpperCase();
                if (table.startsWith("ACT_")) {
                    tables.add(table + columns(connection, rs.getString("TABLE_NAME")));
                }
            }
        }
        return tables;
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toUpperCase());
            }
        }
        return columns;
    }

    private static Set<String> indexes(HikariDataSource database) throws SQLException {
        Set<String> indexes = new TreeSet<>();
        try (Connection connection = database.getConnection()) {
            for (String table :
                    new String[] {"ACT_RU_JOB", "act_ru_job", "ACT_RU_AUTHORIZATION", "act_ru_authorization"}) {
                try (ResultSet rs =
                        connection.getMetaData().getIndexInfo(null, connection.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.add(rs.getString("INDEX_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return indexes;
    }
}

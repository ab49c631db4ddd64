package com.b2bflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * {@link LeanHistoryLevel} on a real engine (in-memory H2, no Spring): what it leaves out against {@code full}, what it
 * keeps, and that it runs on a database created at {@code full} and back.
 */
class LeanHistoryLevelTest {

    private final String database = "jdbc:h2:mem:lean-history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void leavesOutHistoryDetailsAndTheLogOfSuccessfulJobsButKeepsTheRest() {
        withEngine(LeanHistoryLevel.NAME, "${ok}", engine -> {
            String instance = runToTask(engine);

            var history = engine.getHistoryService();
            assertThat(history.createHistoricDetailQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            assertThat(history.createHistoricJobLogQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            assertThat(history.createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .list())
                    .extracting(v -> v.getName() + "=" + v.getValue())
                    .containsExactlyInAnyOrder("name=changed", "step=2");
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isEqualTo(3);
            assertThat(history.createHistoricTaskInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isOne();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isOne();
            assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(3);
        });
    }

    @Test
    void fullWritesWhatLeanLeavesOut() {
        withEngine(ProcessEngineConfiguration.HISTORY_FULL, "${ok}", engine -> {
            String instance = runToTask(engine);

            var history = engine.getHistoryService();
            assertThat(history.createHistoricDetailQuery()
                            .processInstanceId(instance)
                            .count())
                    .isEqualTo(3);
            assertThat(history.createHistoricJobLogQuery()
                            .processInstanceId(instance)
                            .list())
                    .extracting(log -> log.isCreationLog() ? "created" : log.isSuccessLog() ? "succeeded" : "other")
                    .containsExactlyInAnyOrder("created", "succeeded");
        });
    }

    @Test
    void aFailedJobKeepsItsLogRowWithTheException() {
        withEngine(LeanHistoryLevel.NAME, "${failing}", engine -> {
            String instance = engine.getRuntimeService()
                    .startProcessInstanceByKey("lean", Map.of("name", "x"))
                    .getId();
            Job job = engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(instance)
                    .singleResult();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("smtp away");

            var logs = engine.getHistoryService()
                    .createHistoricJobLogQuery()
                    .processInstanceId(instance)
                    .list();
            assertThat(logs).singleElement().satisfies(log -> {
                assertThat(log.isFailureLog()).isTrue();
                assertThat(log.getJobExceptionMessage()).isEqualTo("smtp away");
                assertThat(engine.getHistoryService().getHistoricJobLogExceptionStacktrace(log.getId()))
                        .contains("smtp away");
            });
        });
    }

    @Test
    void runsOnADatabaseCreatedAtFullAndBack() {
        engine(ProcessEngineConfiguration.HISTORY_FULL, "${ok}").close();
        ProcessEngine lean = engine(LeanHistoryLevel.NAME, "${ok}");
        String instance = runToTask(lean);
        lean.close();
        withEngine(ProcessEngineConfiguration.HISTORY_FULL, "${ok}", full -> {
            assertThat(full.getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(instance)
                            .singleResult())
                    .isNotNull();
            assertThat(full.getTaskService()
                            .createTaskQuery()
                            .processInstanceId(instance)
                            .count())
                    .isOne();
        });
    }

    private void withEngine(String historyLevel, String delegate, Consumer<ProcessEngine> test) {
        ProcessEngine engine = engine(historyLevel, delegate);
        try {
            test.accept(engine);
        } finally {
            engine.close();
        }
    }

    /** Starts with a variable, runs the async step (which sets another), updates the first: waits at the task. */
    private static String runToTask(ProcessEngine engine) {
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("lean", Map.of("name", "initial"))
                .getId();
        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance)
                .singleResult();
        engine.getManagementService().executeJob(job.getId());
        engine.getRuntimeService().setVariable(instance, "name", "changed");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .count())
                .isOne();
        return instance;
    }

    private ProcessEngine engine(String historyLevel, String delegate) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("lean-history-" + UUID.randomUUID());
        configuration.setJdbcUrl(database);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(historyLevel);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setJobExecutorActivate(false);
        LeanHistoryLevelRegistration.register(configuration);
        JavaDelegate ok = execution -> execution.setVariable("step", 2);
        JavaDelegate failing = execution -> {
            throw new IllegalStateException("smtp away");
        };
        configuration.setBeans(Map.of("ok", ok, "failing", failing));
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "lean.bpmn",
                        Bpmn.createExecutableProcess("lean")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask("Task_Notify")
                                .camundaAsyncBefore()
                                .camundaDelegateExpression(delegate)
                                .userTask("Task_Review")
                                .endEvent()
                                .done())
                .deploy();
        return engine;
    }
}

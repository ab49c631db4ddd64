package com.b2bflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestTiers;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process history ends by itself: every process keeps its history 180 days after it ends (historyTimeToLive), and
 * Camunda's history cleanup job removes what is due (removal-time based) between 01:00 and 05:00. Rejected and
 * withdrawn registrations go sooner, with the erasure (30 days): the TTL is never shorter than the erasure period,
 * so the history of a rejected registration is still there for the erasure to remove with the rest.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class HistoryCleanupConfigurationTest {

    static final int HISTORY_TIME_TO_LIVE_DAYS = 180;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngineConfiguration configuration;

    @Autowired
    PrivacyProperties privacy;

    @Test
    void theHistoryCleanupJobIsScheduledInTheConfiguredWindowRemovalTimeBased() {
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
    }

    @Test
    void everyProcessKeepsItsHistory180DaysLongerThanTheErasurePeriod() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey())
                        .isEqualTo(HISTORY_TIME_TO_LIVE_DAYS))
                .extracting(ProcessDefinition::getKey)
                .contains(Withdrawals.PROCESS_KEY);
        assertThat(privacy.eraseRejectedAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(Duration.ofDays(HISTORY_TIME_TO_LIVE_DAYS)).isGreaterThanOrEqualTo(privacy.eraseRejectedAfter());
        assertThat(privacy.erasureCron()).isEqualTo("0 30 2 * * *");
    }

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JobDriver jobs;

    /** The engine's clock is moved (ClockUtil), not the test's: the cleanup removes what is due, and only that. */
    @Test
    void theCleanupRemovesAFinishedProcessOnceItsTimeToLiveIsOverAndNotBefore() {
        String id = submitters
                .submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization())
                .id();
        jobs.executeAll();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId(),
                Map.of("approved", false, "rejectionReason", "history cleanup test"));
        jobs.executeAll();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .finished()
                        .count())
                .as("the rejected registration's process ended")
                .isOne();
        try {
            ClockUtil.offset(Duration.ofDays(HISTORY_TIME_TO_LIVE_DAYS - 1).toMillis());
            runCleanupOnce();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .as("history one day before its time to live is over")
                    .isOne();

            ClockUtil.offset(Duration.ofDays(HISTORY_TIME_TO_LIVE_DAYS + 1).toMillis());
            cleanUp(instance);
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .as("history one day after its time to live is over")
                    .isZero();
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            assertThat(history.createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * Runs the cleanup job now, in rounds (a round removes one batch of each kind of history, and other test classes
     * leave plenty in the shared database), until the instance's history is gone or 50 rounds.
     */
    /** One run removes all that is due, up to the cleanup's batch size. */
    private void runCleanupOnce() {
        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());
    }

    /** Runs the cleanup until the instance's history is gone: the whole suite's history is due with it. */
    private void cleanUp(String instance) {
        for (int round = 0; round < 50; round++) {
            runCleanupOnce();
            if (history.createHistoricProcessInstanceQuery()
                                    .processInstanceId(instance)
                                    .count()
                            == 0
                    && history.createHistoricActivityInstanceQuery()
                                    .processInstanceId(instance)
                                    .count()
                            == 0
                    && history.createHistoricVariableInstanceQuery()
                                    .processInstanceId(instance)
                                    .count()
                            == 0) {
                return;
            }
        }
    }
}

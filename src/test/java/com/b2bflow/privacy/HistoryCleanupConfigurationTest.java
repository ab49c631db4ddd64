package com.b2bflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestTiers;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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

    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired ProcessEngineConfiguration configuration;
    @Autowired PrivacyProperties privacy;

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
                        .as(definition.getKey()).isEqualTo(HISTORY_TIME_TO_LIVE_DAYS))
                .extracting(ProcessDefinition::getKey).contains(Withdrawals.PROCESS_KEY);
        assertThat(privacy.eraseRejectedAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(Duration.ofDays(HISTORY_TIME_TO_LIVE_DAYS)).isGreaterThanOrEqualTo(privacy.eraseRejectedAfter());
        assertThat(privacy.erasureCron()).isEqualTo("0 30 2 * * *");
    }
}

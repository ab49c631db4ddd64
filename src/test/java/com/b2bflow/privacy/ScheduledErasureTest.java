package com.b2bflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.privacy.PrivacyFixtures.Registrant;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.support.DatabaseSearch;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The scheduled erasure, run at a clock one retention period (plus a second) ahead: in the context all integration
 * tests share, it erases every rejected or withdrawn registration there is, these tests' own among them.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class ScheduledErasureTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    UserRepository users;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    AuditEventRepository audit;

    @Autowired
    ScheduledErasure scheduled;

    @Autowired
    DataSource dataSource;

    @Value("${app.privacy.erase-rejected-after}")
    Duration retention;

    @Test
    void rejectedAndWithdrawnRegistrationsAreErasedOncePendingOnesStay() throws Exception {
        Registrant rejected = PrivacyFixtures.submit(mvc, json);
        Registrant withdrawn = PrivacyFixtures.submit(mvc, json);
        Registrant pending = PrivacyFixtures.submit(mvc, json);
        jobs.executeAll();
        reject(
                rejected,
                "We do not sell to " + rejected.request().organization().name());
        PrivacyFixtures.withdraw(mvc, json, withdrawn.id(), withdrawn.logonId(), TestRegistrations.PASSWORD);
        jobs.executeAll();
        assertThat(registrations.findById(rejected.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.REJECTED);
        assertThat(DatabaseSearch.find(dataSource, rejected.personalStrings())).isNotEmpty();

        assertThat(scheduled.eraseExpired(onceExpired())).isGreaterThanOrEqualTo(2);

        for (Registrant erased : List.of(rejected, withdrawn)) {
            assertThat(DatabaseSearch.find(dataSource, erased.personalStrings()))
                    .as(erased.id())
                    .isEmpty();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey(erased.id())
                            .count())
                    .isZero();
            Registration registration = registrations.findById(erased.id()).orElseThrow();
            assertThat(registration.getSubmittedData()).isEqualTo("{}");
            assertThat(registration.getDecisionReason()).isNull();
            User user = registration.getUser();
            assertThat(audit.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(user.getId())))
                    .filteredOn(e -> e.getAction().equals("PERSONAL_DATA_ERASED"))
                    .extracting(AuditEvent::getActor)
                    .containsExactly("system");
        }
        assertThat(DatabaseSearch.find(dataSource, pending.logonId(), pending.email()))
                .isNotEmpty();
        assertThat(registrations.findById(pending.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.PENDING);

        assertThat(scheduled.eraseExpired(onceExpired()))
                .as("a second run finds nothing left")
                .isZero();
    }

    @Test
    void twoNodesRunningTheJobAtOnceEraseEachRegistrationOnce() throws Exception {
        Registrant first = PrivacyFixtures.submit(mvc, json);
        Registrant second = PrivacyFixtures.submit(mvc, json);
        jobs.executeAll();
        PrivacyFixtures.withdraw(mvc, json, first.id(), first.logonId(), TestRegistrations.PASSWORD);
        PrivacyFixtures.withdraw(mvc, json, second.id(), second.logonId(), TestRegistrations.PASSWORD);
        jobs.executeAll();

        Callable<Integer> run = () -> scheduled.eraseExpired(onceExpired());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = nodes.invokeAll(List.of(run, run));
            // each registration once: the audit below holds one erasure per registrant
            assertThat(runs.get(0).get() + runs.get(1).get()).isGreaterThanOrEqualTo(2);
        } finally {
            nodes.shutdownNow();
        }
        for (Registrant registrant : List.of(first, second)) {
            User user = registrations.findById(registrant.id()).orElseThrow().getUser();
            assertThat(audit.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(user.getId())))
                    .filteredOn(e -> e.getAction().equals("PERSONAL_DATA_ERASED"))
                    .hasSize(1);
            assertThat(DatabaseSearch.find(dataSource, registrant.personalStrings()))
                    .isEmpty();
        }
    }

    /** A second after the retention period of everything decided until now. */
    private Clock onceExpired() {
        return Clock.offset(Clock.systemUTC(), retention.plusSeconds(1));
    }

    private void reject(Registrant registrant, String reason) {
        String instanceId =
                registrations.findById(registrant.id()).orElseThrow().getProcessInstanceId();
        Task review = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        tasks.complete(review.getId(), Map.of("approved", false, "rejectionReason", reason));
    }
}

package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationMetrics;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@IntegrationTest
class MetricsTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired TestRestTemplate http;
    @Autowired RegistrationSubmitters registrations;
    @Autowired RegistrationMetrics metrics;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JobDriver jobs;
    @Autowired IdentityService identity;

    /**
     * A wrong staff password locks that user for a few seconds (Camunda's login delay), so the wrong password is
     * tried on a staff user of this test's own: a demo user locked here fails the next test class that signs in as it.
     */
    @Test
    void prometheusEndpointIsForStaffOnly() {
        String probe = "metrics-probe-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(probe);
        user.setEmail(probe + "@staff.example.com");
        user.setPassword("Probe-password-42");
        identity.saveUser(user);
        identity.createMembership(probe, "backoffice");
        try {
            assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth(probe, "wrong").getForEntity("/actuator/prometheus", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth("seller-admin", "demo").getForEntity("/actuator/prometheus", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            identity.deleteUser(probe);
        }
    }

    @Test
    void reportsRegistrationsDecisionsOpenTasksAndReminders() {
        String id = registrations.submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization()).id();
        jobs.executeAll();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("Timer_ReviewReminder").singleResult().getId());
        jobs.executeAll();
        metrics.refresh();

        String pending = scrape();
        assertThat(pending).containsPattern("b2b_registrations\\{flow=\"organization\",state=\"PENDING\"} [1-9]");
        assertThat(pending).containsPattern("b2b_staff_tasks_open\\{group=\"seller-admins\"} [1-9]");
        assertThat(pending).containsPattern("b2b_sla_reminders_total\\{group=\"seller-admins\"} [1-9]");
        assertThat(pending).contains("b2b_mail_failures_total");

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                Map.of("approved", false, "rejectionReason", "test"));
        metrics.refresh();
        String decided = scrape();
        assertThat(decided).containsPattern(
                "b2b_registration_decision_time_seconds_count\\{flow=\"organization\",outcome=\"REJECTED\"} [1-9]");
        assertThat(decided).containsPattern("b2b_registrations\\{flow=\"organization\",state=\"REJECTED\"} [1-9]");
    }

    private String scrape() {
        return http.withBasicAuth("seller-admin", "demo").getForObject("/actuator/prometheus", String.class);
    }
}

package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationMetrics;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.ThrowawayStaff;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@IntegrationTest
class MetricsTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    TestRestTemplate http;

    @Autowired
    RegistrationSubmitters registrations;

    @Autowired
    RegistrationMetrics metrics;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JobDriver jobs;

    @Autowired
    IdentityService identity;

    /** The wrong password is tried on a staff user of this test's own (see {@link ThrowawayStaff}). */
    @Test
    void prometheusEndpointIsForStaffOnly() {
        try (ThrowawayStaff probe = ThrowawayStaff.inGroup(identity, "backoffice")) {
            assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth(probe.id(), "wrong")
                            .getForEntity("/actuator/prometheus", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth("seller-admin", "demo")
                            .getForEntity("/actuator/prometheus", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    /** The context is shared with other test classes: what this test did is the difference it makes. */
    @Test
    void reportsRegistrationsDecisionsOpenTasksAndReminders() {
        metrics.refresh();
        String before = scrape();
        String id = registrations
                .submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization())
                .id();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
        jobs.executeAllOf(instance);
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("Timer_ReviewReminder")
                .singleResult()
                .getId());
        jobs.executeAllOf(instance);
        metrics.refresh();

        String pending = scrape();
        assertThat(change(before, pending, "b2b_registrations{flow=\"organization\",state=\"PENDING\"}"))
                .isEqualTo(1);
        assertThat(change(before, pending, "b2b_staff_tasks_open{group=\"seller-admins\"}"))
                .isEqualTo(1);
        assertThat(change(before, pending, "b2b_sla_reminders_total{group=\"seller-admins\"}"))
                .isEqualTo(1);
        assertThat(pending).contains("b2b_mail_failures_total");

        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId(),
                Map.of("approved", false, "rejectionReason", "test"));
        metrics.refresh();
        String decided = scrape();
        assertThat(change(
                        pending,
                        decided,
                        "b2b_registration_decision_time_seconds_count{flow=\"organization\",outcome=\"REJECTED\"}"))
                .isEqualTo(1);
        assertThat(change(pending, decided, "b2b_registrations{flow=\"organization\",state=\"REJECTED\"}"))
                .isEqualTo(1);
        assertThat(change(pending, decided, "b2b_registrations{flow=\"organization\",state=\"PENDING\"}"))
                .isEqualTo(-1);
        assertThat(change(pending, decided, "b2b_staff_tasks_open{group=\"seller-admins\"}"))
                .isEqualTo(-1);
    }

    /** How much a sample of the Prometheus text changed between two scrapes (an absent sample counts 0). */
    private static double change(String before, String after, String sample) {
        return value(after, sample) - value(before, sample);
    }

    private static double value(String scrape, String sample) {
        return scrape.lines()
                .filter(line -> line.startsWith(sample + " "))
                .findFirst()
                .map(line ->
                        Double.parseDouble(line.substring(sample.length() + 1).strip()))
                .orElse(0.0);
    }

    private String scrape() {
        return http.withBasicAuth("seller-admin", "demo").getForObject("/actuator/prometheus", String.class);
    }
}

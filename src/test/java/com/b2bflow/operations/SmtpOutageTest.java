package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationMetrics;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SMTP goes away while registrations flow. The mail jobs fail and are retried on {@code app.notifications.retry-cycle}
 * (R3/PT1S in the test profile); once SMTP is back every notification arrives exactly once. A registration whose
 * retries ran out while SMTP was away is a failedJob incident (engine REST, what Cockpit shows) and the metric
 * {@code b2b.incidents.open}; a retry as Cockpit does it ({@code PUT /engine-rest/job/{id}/retries}) delivers it.
 * What is lost: nothing - no registration, no mail; and no mail arrives twice.
 */
@IntegrationTest
class SmtpOutageTest {

    private static final int FLOWING = 4;
    private static final String ORG_PROCESS = "orgSelfRegistration";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    RegistrationMetrics metrics;

    @Autowired
    JobDriver jobs;

    @BeforeEach
    void purge() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void smtpBack() {
        if (!mail.isRunning()) {
            mail.start();
        }
    }

    @Test
    void everyNotificationArrivesOnceWhenSmtpIsBackAndExhaustedRetriesAreAnIncidentCockpitCanRetry() throws Exception {
        double mailFailuresBefore = metric(scrape(), "b2b_mail_failures_total", "");
        mail.stop();

        // a registration submitted while SMTP is away, whose mail job runs out of retries
        RegistrationRequest doomed = TestRegistrations.organization();
        String doomedId = submit(doomed);
        String doomedInstance = instanceOf(doomedId);
        int attempts = driveUntilNoRetriesLeft(doomedInstance);
        assertThat(attempts)
                .as("attempts of the mail job: the first and the retries of R3")
                .isEqualTo(3);
        List<Incident> incidents =
                runtime.createIncidentQuery().processInstanceId(doomedInstance).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_ConfirmSubmission");
        // the history keeps every failed attempt with its exception (and, at full-lean, no rows of successful jobs)
        assertThat(history.createHistoricJobLogQuery()
                        .processInstanceId(doomedInstance)
                        .list())
                .hasSize(3)
                .allSatisfy(log -> {
                    assertThat(log.isFailureLog()).isTrue();
                    assertThat(log.getJobExceptionMessage()).isNotBlank();
                });

        // Cockpit's view: the incident over the engine REST API, and the metric
        ResponseEntity<String> cockpit =
                staff().getForEntity("/engine-rest/incident?processInstanceId=" + doomedInstance, String.class);
        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cockpit.getBody()).contains("\"incidentType\":\"failedJob\"").contains("Task_ConfirmSubmission");
        metrics.refresh();
        String scraped = scrape();
        long openIncidents = runtime.createIncidentQuery()
                .processDefinitionKeyIn(ORG_PROCESS)
                .incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .count();
        assertThat(openIncidents).isPositive();
        assertThat(metric(
                        scraped,
                        "b2b_incidents_open",
                        "processDefinitionKey=\"" + ORG_PROCESS + "\",type=\"failedJob\""))
                .isEqualTo(openIncidents);
        assertThat(metric(scraped, "b2b_mail_failures_total", "")).isGreaterThanOrEqualTo(mailFailuresBefore + 3);

        // registrations keep flowing while SMTP is away: submitted, first mail attempt fails, reviewed
        List<RegistrationRequest> flowing = new ArrayList<>();
        List<String> flowingIds = new ArrayList<>();
        for (int i = 0; i < FLOWING; i++) {
            RegistrationRequest request = TestRegistrations.organization();
            flowing.add(request);
            flowingIds.add(submit(request));
        }
        int failedAttempts = 0;
        for (String id : flowingIds) {
            failedAttempts += runDueJobs(instanceOf(id));
            assertThat(runtime.createIncidentQuery()
                            .processInstanceId(instanceOf(id))
                            .count())
                    .isZero();
        }
        assertThat(failedAttempts)
                .as("every flowing registration's first mail attempt failed")
                .isEqualTo(FLOWING);
        assertThat(mail.getReceivedMessages()).isEmpty();

        // SMTP is back: the retries deliver, the staff decide, and every mail arrives once
        mail.start();
        for (String id : flowingIds) {
            driveToTask(instanceOf(id), "Task_ReviewRegistration");
            complete(instanceOf(id), "Task_ReviewRegistration", Map.of("approved", true));
            complete(
                    instanceOf(id),
                    "Task_SetUpAccount",
                    Map.of("accountName", "Main", "contractName", "Standard", "contractValidFrom", "2026-01-01"));
            complete(instanceOf(id), "Task_ApproveRegistration", Map.of("approved", true));
            driveToEnd(instanceOf(id));
            assertThat(registrations.findById(id).orElseThrow().getState().name())
                    .isEqualTo("APPROVED");
        }
        for (RegistrationRequest request : flowing) {
            String org = request.organization().name();
            assertThat(subjects(request.user().email()))
                    .as("mails to the applicant of " + org)
                    .containsExactlyInAnyOrder(
                            "We received your registration of " + org, "Your registration of " + org + " is approved");
            assertStaffMailedOnce(org);
        }
        assertThat(subjects(doomed.user().email()))
                .as("the doomed registration waits for Cockpit")
                .isEmpty();

        // a retry from Cockpit delivers: PUT /engine-rest/job/{id}/retries as a Camunda administrator (seller admins
        // see incidents in Cockpit, read-only: they lack RETRY_JOB)
        Job failed = management
                .createJobQuery()
                .processInstanceId(doomedInstance)
                .withException()
                .singleResult();
        assertThat(staff().exchange(
                                "/engine-rest/job/" + failed.getId() + "/retries",
                                HttpMethod.PUT,
                                json("{\"retries\":1}"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> retry = http.withBasicAuth("admin", "demo")
                .exchange(
                        "/engine-rest/job/" + failed.getId() + "/retries",
                        HttpMethod.PUT,
                        json("{\"retries\":1}"),
                        String.class);
        assertThat(retry.getStatusCode()).as(String.valueOf(retry.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(doomedInstance)
                        .count())
                .as("the incident is resolved by the retry")
                .isZero();
        driveToTask(doomedInstance, "Task_ReviewRegistration");
        assertStaffMailedOnce(doomed.organization().name());
        assertThat(subjects(doomed.user().email()))
                .containsExactly("We received your registration of "
                        + doomed.organization().name());
        metrics.refresh();
        assertThat(metric(
                        scrape(),
                        "b2b_incidents_open",
                        "processDefinitionKey=\"" + ORG_PROCESS + "\",type=\"failedJob\""))
                .isEqualTo(openIncidents - 1);

        // what was lost: nothing - 5 registrations, 3 + 4 failed mail attempts, every mail delivered exactly once
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(doomedInstance)
                        .count())
                .isZero();
        assertThat(registrations.findAllById(flowingIds)).hasSize(FLOWING);
    }

    private void assertStaffMailedOnce(String organization) {
        List<String> staffRecipients = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> TestSmtp.subject(m).equals("New registration: " + organization))
                .flatMap(m -> TestSmtp.recipients(m).stream())
                .toList();
        assertThat(staffRecipients)
                .as("seller admins told of " + organization + ", once each")
                .isNotEmpty()
                .doesNotHaveDuplicates()
                .contains("seller-admin@staff.example.com");
    }

    private List<String> subjects(String address) {
        return TestSmtp.to(mail, address).stream().map(TestSmtp::subject).toList();
    }

    /** Runs the instance's mail job whenever it is due until its retries are exhausted; returns the attempts. */
    private int driveUntilNoRetriesLeft(String instance) throws InterruptedException {
        int attempts = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .noRetriesLeft()
                        .count()
                == 0) {
            assertThat(Instant.now()).as("retries exhausted within 30 s").isBefore(deadline);
            attempts += runDueJobs(instance);
            Thread.sleep(200);
        }
        return attempts;
    }

    private int runDueJobs(String instance) {
        int ran = 0;
        for (Job job : management
                .createJobQuery()
                .processInstanceId(instance)
                .executable()
                .list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException failure) {
                // the job keeps retries - 1 and is due again after the retry cycle's interval
            }
            ran++;
        }
        return ran;
    }

    private void driveToTask(String instance, String taskKey) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey(taskKey)
                        .count()
                == 0) {
            assertThat(Instant.now()).as(taskKey + " reached within 30 s").isBefore(deadline);
            runDueJobs(instance);
            Thread.sleep(100);
        }
        // the task's "Task created" notice (a due timer, then the mail job) goes out before anyone decides
        while (runDueJobs(instance) > 0) {
            assertThat(Instant.now()).as(taskKey + "'s notice sent within 30 s").isBefore(deadline);
        }
    }

    private void driveToEnd(String instance) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            assertThat(Instant.now()).as("registration finished within 30 s").isBefore(deadline);
            runDueJobs(instance);
            Thread.sleep(100);
        }
    }

    private void complete(String instance, String taskKey, Map<String, Object> variables) {
        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey(taskKey)
                        .singleResult()
                        .getId(),
                variables);
    }

    private String submit(RegistrationRequest request) {
        ResponseEntity<Map> created =
                http.postForEntity("/api/registrations/organization", TestRegistrations.body(request), Map.class);
        assertThat(created.getStatusCode()).as("submitting while SMTP is away").isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private String instanceOf(String registrationId) {
        return registrations.findById(registrationId).orElseThrow().getProcessInstanceId();
    }

    private TestRestTemplate staff() {
        return http.withBasicAuth("seller-admin", "demo");
    }

    private String scrape() {
        return staff().getForObject("/actuator/prometheus", String.class);
    }

    private static double metric(String scraped, String name, String labels) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name)
                        + (labels.isEmpty() ? "(?:\\{[^}]*})?" : "\\{[^}]*" + Pattern.quote(labels) + "[^}]*}")
                        + " (\\S+)$")
                .matcher(scraped);
        assertThat(value.find()).as(name + "{" + labels + "} in " + scraped).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The official Camunda external task client plays the ERP against the running application, over HTTP, as the demo
 * integration user: it fetches the pending registrations (topic {@code erp-registration}), approves one with a
 * customer number, rejects one with the BPMN error {@code ERP_REJECTED}, fails once on a third and approves it on
 * the retry, and gives up on a fourth (no retries left: an incident for Cockpit).
 */
@IntegrationTest
class ErpExternalTaskClientTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    UserRepository users;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ExternalTaskService externalTasks;

    @Autowired
    HistoryService history;

    @Autowired
    JobDriver jobs;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theErpApprovesRejectsAndRetriesThroughEngineRest() throws Exception {
        String marker = "ETC" + TestRegistrations.unique("t").replace("-", "").toUpperCase();
        String approve = submit("Approve", marker);
        String reject = submit("Reject", marker);
        String flaky = submit("Flaky", marker);
        String broken = submit("Broken", marker);
        jobs.executeAll();
        String approvedNumber = "ERP-" + marker + "-1";
        String flakyNumber = "ERP-" + marker + "-3";
        Map<String, Integer> attempts = new ConcurrentHashMap<>();

        ExternalTaskClient client = ExternalTaskClient.create()
                .baseUrl("http://localhost:" + port + "/engine-rest")
                .workerId("erp-test-client")
                .addInterceptor(new BasicAuthProvider("erp-integration", "demo"))
                .maxTasks(10)
                // no long polling: Camunda's REST answers waiting fetches from one handler thread per JVM, which
                // the first stopped web context of this test JVM (NodeKillTest, TwoNodeClusterTest) shuts down
                // for good; a waiting fetch then hangs until the client's read timeout (3 min) and stop() waits
                .build();
        try {
            client.subscribe("erp-registration")
                    .lockDuration(30_000)
                    .processVariablesEqualsIn(Map.of("taxId", marker))
                    .handler((task, service) -> {
                        String company = task.getVariable("organizationName");
                        attempts.merge(task.getBusinessKey(), 1, Integer::sum);
                        if (company.startsWith("Approve")) {
                            service.complete(task, Map.of("erpCustomerNumber", approvedNumber));
                        } else if (company.startsWith("Reject")) {
                            service.handleBpmnError(
                                    task,
                                    "ERP_REJECTED",
                                    "credit check failed",
                                    Map.of("rejectionReason", "Credit limit exceeded"));
                        } else if (company.startsWith("Flaky") && task.getRetries() == null) {
                            service.handleFailure(task, "ERP unavailable", "connection refused", 1, 0);
                        } else if (company.startsWith("Flaky")) {
                            service.complete(task, Map.of("erpCustomerNumber", flakyNumber));
                        } else {
                            service.handleFailure(task, "ERP cannot map this customer", "mapping error", 0, 0);
                        }
                    })
                    .open();
            awaitUntil(() -> state(approve) != ApprovalState.PENDING
                    && state(reject) != ApprovalState.PENDING
                    && state(flaky) != ApprovalState.PENDING
                    && runtime.createIncidentQuery()
                                    .processInstanceId(instanceOf(broken))
                                    .count()
                            == 1);
        } finally {
            client.stop();
        }

        assertThat(state(approve)).isEqualTo(ApprovalState.APPROVED);
        assertThat(state(reject)).isEqualTo(ApprovalState.REJECTED);
        assertThat(state(flaky)).isEqualTo(ApprovalState.APPROVED);
        assertThat(state(broken)).isEqualTo(ApprovalState.PENDING);
        assertThat(attempts).containsEntry(flaky, 2).containsEntry(approve, 1).containsEntry(reject, 1);
        transactions.executeWithoutResult(status -> {
            Registration approved = registrations.findById(approve).orElseThrow();
            assertThat(approved.getOrganization().getErpCustomerNumber()).isEqualTo(approvedNumber);
            assertThat(approved.getDecidedBy()).isEqualTo("erp-integration");
            assertThat(approved.getUser().isEnabled()).isTrue();
            assertThat(registrations.findById(reject).orElseThrow().getDecisionReason())
                    .isEqualTo("Credit limit exceeded");
            assertThat(registrations
                            .findById(flaky)
                            .orElseThrow()
                            .getOrganization()
                            .getErpCustomerNumber())
                    .isEqualTo(flakyNumber);
        });
        assertThat(history.createHistoricExternalTaskLogQuery()
                        .processInstanceId(instanceOf(flaky))
                        .failureLog()
                        .singleResult()
                        .getErrorMessage())
                .isEqualTo("ERP unavailable");
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(instanceOf(broken))
                        .singleResult()
                        .getIncidentMessage())
                .isEqualTo("ERP cannot map this customer");

        // an answer for a registration that no longer waits is refused, and says so
        String doneTaskId = history.createHistoricExternalTaskLogQuery()
                .processInstanceId(instanceOf(approve))
                .successLog()
                .singleResult()
                .getExternalTaskId();
        ResponseEntity<String> late = http.withBasicAuth("erp-integration", "demo")
                .postForEntity(
                        "/engine-rest/external-task/" + doneTaskId + "/complete",
                        json(
                                "{\"workerId\":\"erp-test-client\",\"variables\":{\"erpCustomerNumber\":{\"value\":\"X\"}}}"),
                        String.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(late.getBody()).contains("does not exist");

        // a bad answer is refused with a clear 400, and the task stays with the ERP
        String blocked = submit("Approve again", marker);
        jobs.executeAll();
        assertThat(http.getForEntity("/api/registrations/" + blocked, String.class)
                        .getBody())
                .as("the applicant sees that the registration waits for the ERP")
                .contains("\"step\":\"Task_RequestErpApproval\"");
        String taskId = externalTasks
                .fetchAndLock(1, "erp-test-client")
                .topic("erp-registration", 30_000)
                .businessKey(blocked)
                .execute()
                .get(0)
                .getId();
        ResponseEntity<String> bad = http.withBasicAuth("erp-integration", "demo")
                .postForEntity(
                        "/engine-rest/external-task/" + taskId + "/complete",
                        json("{\"workerId\":\"erp-test-client\"}"),
                        String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("erpCustomerNumber");
        assertThat(externalTasks
                        .createExternalTaskQuery()
                        .externalTaskId(taskId)
                        .count())
                .isEqualTo(1);

        // other staff may not answer for the ERP: the task is free to fetch, yet backoffice gets none and it stays free
        externalTasks.unlock(taskId);
        ResponseEntity<String> foreign = fetchAndLock("backoffice", "intruder", blocked);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(foreign.getBody()).isEqualTo("[]");
        ExternalTask untouched =
                externalTasks.createExternalTaskQuery().externalTaskId(taskId).singleResult();
        assertThat(untouched.getWorkerId()).as("worker of the refused fetch").isNull();
        assertThat(untouched.getLockExpirationTime())
                .as("lock of the refused fetch")
                .isNull();
        ResponseEntity<String> own = fetchAndLock("erp-integration", "erp-test-client", blocked);
        assertThat(own.getBody()).as("the ERP itself can fetch the same task").contains(taskId);

        // the integration sees the ERP flow's instances only
        submitters.submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization());
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("orgSelfRegistration")
                        .count())
                .isPositive();
        assertThat(http.withBasicAuth("erp-integration", "demo")
                        .getForEntity(
                                "/engine-rest/process-instance/count?processDefinitionKey=orgSelfRegistration",
                                String.class)
                        .getBody())
                .isEqualTo("{\"count\":0}");
        assertThat(http.withBasicAuth("erp-integration", "demo")
                        .getForEntity(
                                "/engine-rest/process-instance/count?processDefinitionKey=erpApprovalRegistration",
                                String.class)
                        .getBody())
                .isNotEqualTo("{\"count\":0}");
    }

    private String submit(String prefix, String marker) {
        RegistrationRequest request =
                CloudSuiteRequests.company(prefix + " " + TestRegistrations.unique("co"), marker, null);
        return submitters.submit(RegistrationFlow.ERP_APPROVAL, request).id();
    }

    private ApprovalState state(String registrationId) {
        return registrations.findById(registrationId).orElseThrow().getState();
    }

    private String instanceOf(String registrationId) {
        return registrations.findById(registrationId).orElseThrow().getProcessInstanceId();
    }

    private ResponseEntity<String> fetchAndLock(String user, String workerId, String businessKey) {
        return http.withBasicAuth(user, "demo")
                .postForEntity(
                        "/engine-rest/external-task/fetchAndLock",
                        json("{\"workerId\":\"" + workerId + "\",\"maxTasks\":10,\"topics\":[{\"topicName\":"
                                + "\"erp-registration\",\"lockDuration\":30000,\"businessKey\":\"" + businessKey
                                + "\"}]}"),
                        String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("The ERP client did not answer every registration within 60 s");
            }
            Thread.sleep(200);
        }
    }
}

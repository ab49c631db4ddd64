package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.ApprovalState;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ERP misbehaves on the external-task API (topic {@code erp-registration}): it crashes holding a lock, answers
 * after its lock went to another worker, answers twice (one after the other and at the same moment), and answers
 * for a registration that is already decided. Each refused answer is a clear 4xx with a message, never a 500, and
 * changes nothing; every registration ends approved exactly once with one customer, one user and one set of mails.
 * What was lost: nothing.
 */
@IntegrationTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ErpIntegrationFailureTest {

    private static final String TOPIC = "erp-registration";

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
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JobDriver jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void purge() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void engineTimeBack() {
        ClockUtil.reset();
    }

    /** The engine's clock moves past the 30 s lock: no wall-clock wait, whatever the machine's load. */
    private static void lockExpires() {
        ClockUtil.offset(31_000L);
    }

    @Test
    void aWorkerThatCrashesHoldingTheLockLosesItAndAnotherWorkerCompletesOnce() throws Exception {
        Submitted registration = submit("Crash");
        assertThat(fetch("erp-crashed", registration.id(), 30_000)).hasSize(1);
        // the worker dies here: no complete, no failure, no unlock; nothing else may take the task while it is locked
        assertThat(fetch("erp-standby", registration.id(), 30_000))
                .as("locked by the crashed worker")
                .isEmpty();
        lockExpires();

        // the official client, as a restarted ERP worker, picks the task up once the lock has expired
        String number = number("CRASH");
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        ExternalTaskClient client = ExternalTaskClient.create()
                .baseUrl("http://localhost:" + port + "/engine-rest")
                .workerId("erp-restarted")
                .addInterceptor(new BasicAuthProvider("erp-integration", "demo"))
                .build(); // no long polling: its handler thread waits by the engine clock this test moves
        try {
            client.subscribe(TOPIC)
                    .lockDuration(30_000)
                    .businessKey(registration.id())
                    .handler((task, service) -> {
                        handled.incrementAndGet();
                        service.complete(task, Map.of("erpCustomerNumber", number));
                        done.countDown();
                    })
                    .open();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            client.stop();
        }
        assertThat(handled).hasValue(1);
        assertApprovedExactlyOnce(registration, number);
    }

    @Test
    void aLateAnswerAfterTheLockWentToAnotherWorkerIsRefusedAndChangesNothing() throws Exception {
        Submitted registration = submit("Late");
        String taskId =
                fetch("erp-slow", registration.id(), 30_000).get(0).get("id").asText();
        lockExpires();
        assertThat(fetch("erp-fast", registration.id(), 30_000)).hasSize(1);

        // while the other worker holds the task: refused, the task stays with that worker
        ResponseEntity<String> whileLocked = complete("erp-slow", taskId, number("LATE-SLOW"));
        assertThat(whileLocked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(whileLocked.getBody())
                .contains("cannot be completed by worker 'erp-slow'")
                .contains("locked by worker 'erp-fast'");

        String number = number("LATE");
        assertThat(complete("erp-fast", taskId, number).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // after the other worker answered: the task is gone
        ResponseEntity<String> afterwards = complete("erp-slow", taskId, number("LATE-SLOW"));
        assertThat(afterwards.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(afterwards.getBody()).contains("does not exist");
        assertApprovedExactlyOnce(registration, number);
    }

    @Test
    void aSecondAnswerIsRefusedAndNothingIsDoubled() throws Exception {
        Submitted registration = submit("Twice");
        String taskId =
                fetch("erp-a", registration.id(), 30_000).get(0).get("id").asText();
        String number = number("TWICE");
        assertThat(complete("erp-a", taskId, number).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> again = complete("erp-a", taskId, number);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(again.getBody()).contains("External task with id " + taskId + " does not exist");
        assertApprovedExactlyOnce(registration, number);
    }

    @Test
    void twoAnswersAtTheSameMomentApproveOnceAndTheLoserGetsAClearConflict() throws Exception {
        List<Submitted> raced = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<HttpStatus> losers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Submitted registration = submit("Race");
            String taskId =
                    fetch("erp-a", registration.id(), 30_000).get(0).get("id").asText();
            String number = number("RACE" + i);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<ResponseEntity<String>>> answers = new ArrayList<>();
            for (int answer = 0; answer < 2; answer++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return complete("erp-a", taskId, number);
                }));
            }
            List<ResponseEntity<String>> responses =
                    answers.stream().map(CompletableFuture::join).toList();
            assertThat(responses)
                    .as("one answer wins")
                    .filteredOn(r -> r.getStatusCode() == HttpStatus.NO_CONTENT)
                    .hasSize(1);
            ResponseEntity<String> loser = responses.stream()
                    .filter(r -> r.getStatusCode() != HttpStatus.NO_CONTENT)
                    .findFirst()
                    .orElseThrow();
            // which refusal depends on where the second answer meets the first: the task already gone (404), the
            // registration already decided once the first committed (400, PostgreSQL waits on its row lock), or a
            // collision in the database (409, H2)
            assertThat(loser.getStatusCode().value())
                    .as("the other is refused, clearly: " + loser.getBody())
                    .isIn(400, 404, 409);
            if (loser.getStatusCode() == HttpStatus.BAD_REQUEST) {
                assertThat(loser.getBody()).contains("was already decided: APPROVED");
            }
            if (loser.getStatusCode() == HttpStatus.CONFLICT) {
                assertThat(loser.getBody()).contains("nothing of it was saved").doesNotContain("insert into");
            }
            assertThat(loser.getBody()).as("with a message").containsPattern("\"message\":\"[^\"]{10,}");
            losers.add((HttpStatus) loser.getStatusCode());
            raced.add(registration);
            numbers.add(number);
        }
        for (int i = 0; i < raced.size(); i++) {
            assertApprovedExactlyOnce(raced.get(i), numbers.get(i));
        }
    }

    @Test
    void anAnswerForADecidedRegistrationIsRefusedAndChangesNothing() throws Exception {
        // rejected by the ERP, then approved by a confused second answer
        Submitted rejected = submit("Rejected");
        String rejectedTask =
                fetch("erp-a", rejected.id(), 30_000).get(0).get("id").asText();
        ResponseEntity<String> rejection = post(
                "/engine-rest/external-task/" + rejectedTask + "/bpmnError",
                "{\"workerId\":\"erp-a\",\"errorCode\":\"ERP_REJECTED\",\"errorMessage\":\"credit check failed\","
                        + "\"variables\":{\"rejectionReason\":{\"value\":\"Credit limit exceeded\"}}}");
        assertThat(rejection.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        jobs.executeAll();
        ResponseEntity<String> approval = complete("erp-a", rejectedTask, number("DECIDED"));
        assertThat(approval.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(approval.getBody()).contains("does not exist");
        assertThat(state(rejected.id())).isEqualTo(ApprovalState.REJECTED);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM organization WHERE erp_customer_number = ?",
                        Long.class,
                        number("DECIDED")))
                .isZero();

        // the registration row was decided by another path while the ERP still held its task (simulated by deciding
        // the row directly): the ERP's approval is refused with 400 and changes nothing
        Submitted decided = submit("Decided");
        String decidedTask =
                fetch("erp-a", decided.id(), 30_000).get(0).get("id").asText();
        transactions.executeWithoutResult(status -> registrations
                .findById(decided.id())
                .orElseThrow()
                .reject("backoffice", "Duplicate of another registration"));
        ResponseEntity<String> late = complete("erp-a", decidedTask, number("DECIDED2"));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody()).contains("was already decided: REJECTED");
        assertThat(state(decided.id())).isEqualTo(ApprovalState.REJECTED);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM organization WHERE erp_customer_number = ?",
                        Long.class,
                        number("DECIDED2")))
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(decided.id())
                        .count())
                .isOne();

        // the process was ended (cancelled in Cockpit): the ERP's answer finds no task
        Submitted cancelled = submit("Cancelled");
        String cancelledTask =
                fetch("erp-a", cancelled.id(), 30_000).get(0).get("id").asText();
        runtime.deleteProcessInstance(instanceOf(cancelled.id()), "cancelled by an operator");
        ResponseEntity<String> orphan = complete("erp-a", cancelledTask, number("CANCELLED"));
        assertThat(orphan.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(orphan.getBody()).contains("does not exist");
        assertThat(state(cancelled.id())).isEqualTo(ApprovalState.PENDING);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM organization WHERE erp_customer_number = ?",
                        Long.class,
                        number("CANCELLED")))
                .isZero();
    }

    /** The registration is approved once: one customer with the number, one user, one success, one set of mails. */
    private void assertApprovedExactlyOnce(Submitted registration, String number) throws InterruptedException {
        jobs.executeAll();
        String instance = instanceOf(registration.id());
        Instant deadline = Instant.now().plusSeconds(30);
        while (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            assertThat(Instant.now())
                    .as("registration " + registration.id() + " finished")
                    .isBefore(deadline);
            jobs.executeAll();
            Thread.sleep(100);
        }
        assertThat(state(registration.id())).isEqualTo(ApprovalState.APPROVED);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM organization WHERE erp_customer_number = ?", Long.class, number))
                .as("customers with ERP number " + number)
                .isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM member_user WHERE email = ?", Long.class, registration.email()))
                .as("users of " + registration.email())
                .isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM registration WHERE applicant_email = ?",
                        Long.class,
                        registration.email()))
                .as("registrations of " + registration.email())
                .isOne();
        transactions.executeWithoutResult(status -> {
            Registration approved = registrations.findById(registration.id()).orElseThrow();
            assertThat(approved.getOrganization().getErpCustomerNumber()).isEqualTo(number);
            assertThat(approved.getUser().getOrganization().getId())
                    .isEqualTo(approved.getOrganization().getId());
        });
        assertThat(history.createHistoricExternalTaskLogQuery()
                        .processInstanceId(instance)
                        .successLog()
                        .count())
                .as("the ERP answer was taken once")
                .isOne();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId("Task_LinkErpCustomer")
                        .count())
                .isOne();
        List<String> subjects = TestSmtp.to(mail, registration.email()).stream()
                .map(TestSmtp::subject)
                .toList();
        assertThat(subjects)
                .as("mails to " + registration.email())
                .doesNotHaveDuplicates()
                .contains("We received your registration for " + registration.company());
        assertThat(TestSmtp.to(mail, registration.email())).hasSizeBetween(2, 2);
    }

    private Submitted submit(String prefix) {
        String company = prefix + " " + TestRegistrations.unique("co");
        RegistrationRequest request = CloudSuiteRequests.company(company, null, null);
        String id = submitters.submit(RegistrationFlow.ERP_APPROVAL, request).id();
        jobs.executeAll();
        return new Submitted(id, company, request.user().email());
    }

    private String number(String label) {
        return "ERP-" + label + "-" + SUFFIX;
    }

    private static final String SUFFIX =
            TestRegistrations.unique("n").replace("-", "").toUpperCase();

    private List<JsonNode> fetch(String worker, String businessKey, long lockMillis) throws Exception {
        ResponseEntity<String> fetched = post(
                "/engine-rest/external-task/fetchAndLock",
                "{\"workerId\":\"" + worker
                        + "\",\"maxTasks\":5,\"topics\":[{\"topicName\":\"" + TOPIC + "\",\"lockDuration\":"
                        + lockMillis
                        + ",\"businessKey\":\"" + businessKey + "\"}]}");
        assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> tasks = new ArrayList<>();
        json.readTree(fetched.getBody()).forEach(tasks::add);
        return tasks;
    }

    private ResponseEntity<String> complete(String worker, String taskId, String number) {
        return post(
                "/engine-rest/external-task/" + taskId + "/complete",
                "{\"workerId\":\"" + worker + "\",\"variables\":{\"erpCustomerNumber\":{\"value\":\"" + number
                        + "\"}}}");
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("erp-integration", "demo")
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ApprovalState state(String registrationId) {
        return registrations.findById(registrationId).orElseThrow().getState();
    }

    private String instanceOf(String registrationId) {
        return registrations.findById(registrationId).orElseThrow().getProcessInstanceId();
    }

    private record Submitted(String id, String company, String email) {}
}

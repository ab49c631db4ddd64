package com.b2bflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.LoopbackHttp;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A business rule of a task form refused on completion, as Tasklist sends it: through the webapps' own engine API
 * ({@code /camunda/api/engine}, a session and the webapps' CSRF token), which {@code /engine-rest}'s set-up never
 * reached. The answer is a 400 with the plain message naming the field, the task stays open, and the log has one WARN
 * line and no stack trace. The same holds for the four-eyes rule of the final approval.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TaskRefusalsTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    RegistrationSubmitters registrations;

    @Autowired
    JobDriver jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Test
    void aContractEndingBeforeItStartsIsA400InTasklist(CapturedOutput output) throws Exception {
        String instanceId = registrationInReview();
        tasks.complete(task(instanceId), Map.of("approved", true));
        String setUp = task(instanceId);
        Tasklist tasklist = Tasklist.signIn(port, "account-rep");

        LoopbackHttp.Response refused = tasklist.submitForm(setUp, """
                {"variables": {"accountName": {"value": "Main"}, "contracts": {"type": "Json", "value":
                 "[{\\"contractName\\": \\"A\\", \\"contractValidFrom\\": \\"2027-01-01\\"},
                   {\\"contractName\\": \\"B\\", \\"contractValidFrom\\": \\"2027-06-01\\", \\"contractValidTo\\": \\"2027-05-31\\"}]"}}}
                """.replace("\n", " "));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("\"message\":\"Contract 2, contractValidTo: The contract cannot end before" + " it starts\"")
                .doesNotContain("ENGINE-", "Cannot submit");
        assertThat(tasks.createTaskQuery().taskId(setUp).count())
                .as("the task stays open")
                .isOne();
        assertThat(output.getOut())
                .contains("WARN")
                .contains("Task completion refused: Contract 2, contractValidTo")
                .doesNotContain("ENGINE-03051", "ENGINE-16004", "FormFieldValidationException: Contract 2");

        LoopbackHttp.Response accepted = tasklist.submitForm(setUp, """
                {"variables": {"accountName": {"value": "Main"}, "contracts": {"type": "Json", "value":
                 "[{\\"contractName\\": \\"A\\", \\"contractValidFrom\\": \\"2027-01-01\\"}]"}}}
                """.replace("\n", " "));
        assertThat(accepted.status()).isEqualTo(204);
    }

    /**
     * The four-eyes rule as Tasklist meets it: the reviewer's claim of the final approval and their completion of it
     * are a 400 with a plain message (the task stays open and unclaimed); a colleague approves.
     */
    @Test
    void theReviewerIsRefusedTheFinalApprovalInTasklistAColleagueGivesIt(CapturedOutput output) throws Exception {
        String instanceId = registrationInReview();
        Tasklist reviewer = Tasklist.signIn(port, "seller-admin");
        assertThat(reviewer.submitForm(task(instanceId), "{\"variables\": {\"approved\": {\"value\": true}}}")
                        .status())
                .isEqualTo(204);
        tasks.complete(
                task(instanceId),
                Map.of("accountName", "Main", "contractName", "Standard", "contractValidFrom", "2027-01-01"));
        String approval = task(instanceId);

        LoopbackHttp.Response claim = reviewer.post("/task/" + approval + "/claim", "{\"userId\": \"seller-admin\"}");
        assertThat(claim.status()).as(claim.body()).isEqualTo(400);
        assertThat(claim.body()).contains("seller-admin reviewed this registration", "four-eyes");
        LoopbackHttp.Response completion =
                reviewer.submitForm(approval, "{\"variables\": {\"approved\": {\"value\": true}}}");
        assertThat(completion.status()).as(completion.body()).isEqualTo(400);
        assertThat(completion.body())
                .contains("\"message\":\"approved: You reviewed this registration, so a colleague gives the final")
                .doesNotContain("ENGINE-");
        assertThat(tasks.createTaskQuery().taskId(approval).singleResult().getAssignee())
                .as("open and unclaimed")
                .isNull();
        assertThat(output.getOut())
                .contains("Task completion refused: approved: You reviewed")
                .doesNotContain("ENGINE-03051");

        Tasklist colleague = Tasklist.signIn(port, "seller-approver");
        assertThat(colleague
                        .post("/task/" + approval + "/claim", "{\"userId\": \"seller-approver\"}")
                        .status())
                .isEqualTo(204);
        assertThat(colleague
                        .submitForm(approval, "{\"variables\": {\"approved\": {\"value\": true}}}")
                        .status())
                .isEqualTo(204);
    }

    /** The process instance of a new organization registration, waiting in its review. */
    private String registrationInReview() {
        String id = registrations
                .submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization())
                .id();
        jobs.executeAll();
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
    }

    private String task(String instanceId) {
        return tasks.createTaskQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getId();
    }

    /** A staff member signed in to Tasklist as its login page does it: the webapps' session and CSRF token. */
    record Tasklist(int port, String cookies, String csrfToken) {

        static Tasklist signIn(int port, String staff) throws Exception {
            LoopbackHttp.Response page =
                    LoopbackHttp.send("127.0.0.1", port, "GET", "/camunda/api/admin/auth/user/default", Map.of(), null);
            // the webapps hand out their CSRF token with a request of a session: ask again with the session's cookie
            for (int attempt = 0; attempt < 3 && page.header("X-XSRF-TOKEN") == null; attempt++) {
                page = LoopbackHttp.send(
                        "127.0.0.1",
                        port,
                        "GET",
                        "/camunda/api/admin/auth/user/default",
                        page.cookies() == null || page.cookies().isEmpty()
                                ? Map.of()
                                : Map.of("Cookie", page.cookies()),
                        null);
            }
            assertThat(page.header("X-XSRF-TOKEN"))
                    .as("the webapps' CSRF token (status %d, cookies %s)", page.status(), page.cookies())
                    .isNotNull();
            LoopbackHttp.Response login = LoopbackHttp.send(
                    "127.0.0.1",
                    port,
                    "POST",
                    "/camunda/api/admin/auth/user/default/login/tasklist",
                    Map.of(
                            "Content-Type",
                            "application/x-www-form-urlencoded",
                            "X-XSRF-TOKEN",
                            page.header("X-XSRF-TOKEN"),
                            "Cookie",
                            page.cookies()),
                    "username=" + URLEncoder.encode(staff, StandardCharsets.UTF_8) + "&password=demo");
            assertThat(login.status()).as("Tasklist sign-in").isEqualTo(200);
            String cookies = merged(page.cookies(), login.cookies());
            // the sign-in starts a new session: its token comes with the next request, as Tasklist reads it
            LoopbackHttp.Response signedIn = LoopbackHttp.send(
                    "127.0.0.1", port, "GET", "/camunda/api/admin/auth/user/default", Map.of("Cookie", cookies), null);
            return new Tasklist(port, merged(cookies, signedIn.cookies()), signedIn.header("X-XSRF-TOKEN"));
        }

        /** A browser's cookie jar: a later cookie of the same name replaces the earlier one. */
        private static String merged(String... cookieHeaders) {
            Map<String, String> jar = new java.util.LinkedHashMap<>();
            for (String header : cookieHeaders) {
                for (String cookie : header.split(";\\s*")) {
                    if (cookie.contains("=")) {
                        jar.put(cookie.substring(0, cookie.indexOf('=')), cookie);
                    }
                }
            }
            return String.join("; ", jar.values());
        }

        LoopbackHttp.Response submitForm(String taskId, String body) throws Exception {
            return post("/task/" + taskId + "/submit-form", body);
        }

        /** A POST to the webapps' engine API, as Tasklist sends it (path below {@code /engine/default}). */
        LoopbackHttp.Response post(String path, String body) throws Exception {
            return LoopbackHttp.send(
                    "127.0.0.1",
                    port,
                    "POST",
                    "/camunda/api/engine/engine/default" + path,
                    Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", csrfToken, "Cookie", cookies),
                    body);
        }
    }
}

package com.b2bflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.LoopbackHttp;
import com.b2bflow.support.StaffWebSession;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
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

        String endsBeforeItStarts = """
                {"variables": {"accountName": {"value": "Main"}, "contracts": {"type": "Json", "value":
                 "[{\\"contractName\\": \\"A\\", \\"contractValidFrom\\": \\"2027-01-01\\"},
                   {\\"contractName\\": \\"B\\", \\"contractValidFrom\\": \\"2027-06-01\\", \\"contractValidTo\\": \\"2027-05-31\\"}]"}}}
                """.replace("\n", " ");
        LoopbackHttp.Response refused = tasklist.submitForm(setUp, endsBeforeItStarts);

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

        // a German browser reads the same refusal in German: Tasklist sends the browser's Accept-Language
        LoopbackHttp.Response german = tasklist.submitForm(setUp, endsBeforeItStarts, "de-DE,de;q=0.9");
        assertThat(german.status()).as(german.body()).isEqualTo(400);
        assertThat(german.body())
                .contains("\"message\":\"Vertrag 2, contractValidTo: Der Vertrag kann nicht enden, bevor er beginnt\"");

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

    /** A staff member signed in once on the storefront's sign-in page, as Tasklist then uses the session. */
    record Tasklist(int port, String cookies, String csrfToken) {

        static Tasklist signIn(int port, String staff) throws Exception {
            StaffWebSession session = StaffWebSession.signIn("127.0.0.1", port, staff, "demo");
            assertThat(session.lastSignIn().status()).as("storefront sign-in").isEqualTo(302);
            String token = session.webappCsrfToken();
            return new Tasklist(port, session.cookies(), token);
        }

        LoopbackHttp.Response submitForm(String taskId, String body) throws Exception {
            return post("/task/" + taskId + "/submit-form", body);
        }

        /** The form submitted from a browser that asks for this language ({@code Accept-Language}). */
        LoopbackHttp.Response submitForm(String taskId, String body, String acceptLanguage) throws Exception {
            return send("/task/" + taskId + "/submit-form", body, Map.of("Accept-Language", acceptLanguage));
        }

        /** A POST to the webapps' engine API, as Tasklist sends it (path below {@code /engine/default}). */
        LoopbackHttp.Response post(String path, String body) throws Exception {
            return send(path, body, Map.of());
        }

        private LoopbackHttp.Response send(String path, String body, Map<String, String> extraHeaders)
                throws Exception {
            Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
            headers.putAll(Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", csrfToken, "Cookie", cookies));
            return LoopbackHttp.send(
                    "127.0.0.1", port, "POST", "/camunda/api/engine/engine/default" + path, headers, body);
        }
    }
}

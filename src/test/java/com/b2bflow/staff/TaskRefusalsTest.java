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
 * line and no stack trace.
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
        String id = registrations
                .submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization())
                .id();
        jobs.executeAll();
        String instanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
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
            return LoopbackHttp.send(
                    "127.0.0.1",
                    port,
                    "POST",
                    "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", csrfToken, "Cookie", cookies),
                    body);
        }
    }
}

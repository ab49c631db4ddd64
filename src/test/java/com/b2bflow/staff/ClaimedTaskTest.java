package com.b2bflow.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestStaff;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review task claimed by one seller administrator: the other one can neither complete it, nor submit its form,
 * resolve it, change its variables, take it over, unclaim it or claim it, and is told who holds it; the engine's Java API
 * refuses it the same way (the rule lives in the engine); a Camunda administrator unclaims it, after which the
 * colleague can claim and complete it.
 */
@IntegrationTest
class ClaimedTaskTest {

    static final String PASSWORD = "Claim-pass-1";
    static final String APPROVE = "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JobDriver jobs;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newHttpClient();
    String holder;
    String colleague;
    String taskId;

    @BeforeEach
    void aReviewTaskClaimedByOneOfTwoSellerAdministrators() throws Exception {
        holder = TestStaff.create(identity, "holder", PASSWORD, StaffGroups.SELLER_ADMINS);
        colleague = TestStaff.create(identity, "colleague", PASSWORD, StaffGroups.SELLER_ADMINS);
        taskId = reviewTask();
        assertThat(send(holder, "POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + holder + "\"}")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void theColleagueIsRefusedEveryWayOfFinishingOrChangingTheTaskAndToldWhoHoldsIt() throws Exception {
        for (String[] call : List.of(
                new String[] {"POST", "/complete", APPROVE},
                new String[] {"POST", "/submit-form", APPROVE},
                new String[] {"POST", "/resolve", APPROVE},
                new String[] {"POST", "/variables", "{\"modifications\":{\"approved\":{\"value\":true}}}"},
                new String[] {"PUT", "/variables/approved", "{\"value\":true,\"type\":\"Boolean\"}"},
                new String[] {"PUT", "/localVariables/note", "{\"value\":\"mine now\",\"type\":\"String\"}"},
                new String[] {"DELETE", "/variables/approved", null},
                new String[] {"POST", "/assignee", "{\"userId\":\"" + colleague + "\"}"},
                new String[] {"POST", "/unclaim", null})) {
            HttpResponse<String> refused = send(colleague, call[0], "/task/" + taskId + call[1], call[2]);
            assertThat(refused.statusCode())
                    .as(call[0] + " " + call[1] + ": " + refused.body())
                    .isEqualTo(403);
            assertThat(json.readTree(refused.body()).path("message").asText())
                    .as(call[1])
                    .contains("claimed by " + holder);
        }
        HttpResponse<String> claim =
                send(colleague, "POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + colleague + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(409);
        assertThat(json.readTree(claim.body()).path("message").asText()).contains(holder);

        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo(holder);
        assertThat(tasks.getVariable(taskId, "approved")).isNull();
        assertThat(tasks.getVariableLocal(taskId, "note")).isNull();
    }

    @Test
    void theEngineRefusesTheColleagueOnEveryPathNotOnlyOverHttp() {
        identity.setAuthentication(colleague, List.of(StaffGroups.SELLER_ADMINS));
        try {
            assertThatThrownBy(() -> tasks.complete(taskId))
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("claimed by " + holder);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void anAdministratorUnclaimsTheTaskAndTheColleagueThenCompletesIt() throws Exception {
        assertThat(send("admin", "demo", "POST", "/task/" + taskId + "/unclaim", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send(colleague, "POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + colleague + "\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = send(colleague, "POST", "/task/" + taskId + "/complete", APPROVE);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void theHolderWorksAsBeforeSetsVariablesAndCompletes() throws Exception {
        assertThat(send(
                                holder,
                                "PUT",
                                "/task/" + taskId + "/localVariables/note",
                                "{\"value\":\"checked the tax id\",\"type\":\"String\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = send(holder, "POST", "/task/" + taskId + "/complete", APPROVE);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    private String reviewTask() throws Exception {
        String body = json.writeValueAsString(TestRegistrations.body(TestRegistrations.organization()));
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(url("/api/registrations/organization"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        jobs.executeAll();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
        return tasks.createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return send(user, PASSWORD, method, path, body);
    }

    private HttpResponse<String> send(String user, String password, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/engine-rest" + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

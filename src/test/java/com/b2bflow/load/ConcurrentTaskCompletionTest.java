package com.b2bflow.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.staff.StaffGroups;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestStaff;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two seller administrators complete the same review task at the same moment through {@code /engine-rest} (what
 * Tasklist uses), released together by a barrier, 20 times with nobody's claim and 20 times with the task claimed
 * by one of them (and 5 times two claims at once): one wins (204), the other is told clearly that someone else was first (409, never a 500 or a
 * bare 404), and the process advanced exactly once. A task claimed by one of them is completed by the claimant only:
 * the colleague gets a 403 that names the claimant (or a 409 when the claimant's completion committed first).
 */
@Tag(TestTiers.LOAD)
@Tag(TestTiers.DATABASE)
@IntegrationTest
class ConcurrentTaskCompletionTest {

    static final int ROUNDS = Integer.getInteger("race.rounds", 20);
    static final String PASSWORD = "Race-pass-1";

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
    HistoryService history;

    @Autowired
    JobDriver jobs;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String first;
    String second;

    @BeforeEach
    void twoSellerAdministrators() {
        first = staffMember("race-a");
        second = staffMember("race-b");
    }

    @Test
    void twoStaffMembersCompletingAnUnclaimedTaskTogether() throws Exception {
        race(false);
    }

    @Test
    void twoStaffMembersCompletingATaskOneOfThemClaimed() throws Exception {
        race(true);
    }

    @Test
    void twoStaffMembersClaimingATaskTogether() throws Exception {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            instances.add(submit());
        }
        jobs.executeAll();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String instance : instances) {
                String taskId = tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> a = pool.submit(() -> {
                    together.await();
                    return send(
                            first, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + first + "\"}");
                });
                Future<HttpResponse<String>> b = pool.submit(() -> {
                    together.await();
                    return send(
                            second,
                            "POST",
                            "/engine-rest/task/" + taskId + "/claim",
                            "{\"userId\":\"" + second + "\"}");
                });
                List<HttpResponse<String>> both = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
                assertThat(both)
                        .as("statuses of %s", taskId)
                        .extracting(HttpResponse::statusCode)
                        .containsExactlyInAnyOrder(204, 409);
                String winner = both.get(0).statusCode() == 204 ? first : second;
                assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                        .isEqualTo(winner);
                // every race gets the one conflict body of EngineRestErrors
                assertThat(message(both.stream()
                                .filter(r -> r.statusCode() == 409)
                                .findFirst()
                                .orElseThrow()))
                        .containsAnyOf("someone else", "at the same moment");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(boolean claimedByFirst) throws Exception {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            instances.add(submit());
        }
        jobs.executeAll();
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String instance : instances) {
                String taskId = tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId();
                if (claimedByFirst) {
                    assertThat(send(
                                            first,
                                            "POST",
                                            "/engine-rest/task/" + taskId + "/claim",
                                            "{\"userId\":\"" + first + "\"}")
                                    .statusCode())
                            .isEqualTo(204);
                }
                CyclicBarrier together = new CyclicBarrier(2);
                String approve = "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}";
                Future<HttpResponse<String>> a = pool.submit(() -> {
                    together.await();
                    return send(first, "POST", "/engine-rest/task/" + taskId + "/complete", approve);
                });
                Future<HttpResponse<String>> b = pool.submit(() -> {
                    together.await();
                    return send(second, "POST", "/engine-rest/task/" + taskId + "/complete", approve);
                });
                List<HttpResponse<String>> both = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
                both.forEach(r -> outcomes.merge(
                        r.statusCode() + (r.statusCode() >= 400 ? " " + message(r) : ""), 1, Integer::sum));
                if (claimedByFirst) {
                    // only the claimant may complete: the colleague is refused as long as the task is open (403
                    // naming the holder), or finds it completed already (409); the claimant never loses
                    HttpResponse<String> colleague = both.get(1);
                    assertThat(both.get(0).statusCode())
                            .as(
                                    "the claimant's completion of %s: %s",
                                    taskId, both.get(0).body())
                            .isEqualTo(204);
                    assertThat(colleague.statusCode())
                            .as("the colleague's completion of %s: %s", taskId, colleague.body())
                            .isIn(403, 409);
                    assertThat(colleague.headers().firstValue("Content-Type").orElse(""))
                            .contains("application/json");
                    assertThat(message(colleague))
                            .as("the colleague's answer")
                            .contains(colleague.statusCode() == 403 ? "claimed by " + first : "someone else");
                } else {
                    assertThat(both)
                            .as("statuses of %s", taskId)
                            .extracting(HttpResponse::statusCode)
                            .containsExactlyInAnyOrder(204, 409);
                    HttpResponse<String> conflict = both.stream()
                            .filter(r -> r.statusCode() == 409)
                            .findFirst()
                            .orElseThrow();
                    assertThat(conflict.headers().firstValue("Content-Type").orElse(""))
                            .contains("application/json");
                    assertThat(message(conflict)).containsIgnoringCase("someone else");
                }

                assertThat(history.createHistoricActivityInstanceQuery()
                                .processInstanceId(instance)
                                .activityId("Task_ReviewRegistration")
                                .finished()
                                .count())
                        .as("reviews completed")
                        .isOne();
                assertThat(history.createHistoricActivityInstanceQuery()
                                .processInstanceId(instance)
                                .activityId("Task_SetUpAccount")
                                .count())
                        .as("the process advanced once")
                        .isOne();
                assertThat(tasks.createTaskQuery()
                                .processInstanceId(instance)
                                .singleResult()
                                .getTaskDefinitionKey())
                        .isEqualTo("Task_SetUpAccount");
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "LOAD task completion races (%s): %d rounds, outcomes %s%n",
                claimedByFirst ? "claimed by one" : "unclaimed", ROUNDS, outcomes);
        if (claimedByFirst) {
            assertThat(outcomes.keySet())
                    .as("the colleague was refused while the task was open at least once")
                    .anyMatch(outcome -> outcome.startsWith("403"));
        }
    }

    private String message(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body.path("message").asText();
        } catch (Exception e) {
            return response.body();
        }
    }

    private String submit() throws Exception {
        String body = json.writeValueAsString(TestRegistrations.body(TestRegistrations.organization()));
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(url("/api/registrations/organization"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(url(path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(60))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String staffMember(String prefix) {
        return TestStaff.create(identity, prefix, PASSWORD, StaffGroups.SELLER_ADMINS);
    }
}

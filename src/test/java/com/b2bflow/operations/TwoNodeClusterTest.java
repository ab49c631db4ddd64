package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.ApplicationNode;
import com.b2bflow.support.LoopbackHttp;
import com.b2bflow.support.TestDatabase;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda 7's cluster model: two application processes on one PostgreSQL database, both job executors running.
 * Registrations are submitted to one node and worked on the other; every registration must finish, no activity may
 * run twice, every mail must arrive exactly once, a storefront session must work on either node, and a rate limit
 * counts the requests to both nodes together.
 */
@Tag(TestTiers.NODES)
class TwoNodeClusterTest {

    private static final int REGISTRATIONS = 6;

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    static ApplicationNode node1;
    static ApplicationNode node2;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Map<String, Object> database = TestDatabase.postgresDatabase("b2b_cluster_" + System.nanoTime());
        Map<String, String> properties = ApplicationNode.postgresProperties("postgres,cluster", database);
        // 30 public POSTs per hour and address: no token comes back while aRateLimitIsOneLimitForBothNodes runs
        properties.put("app.security.rate-limit.window", "PT1H");
        node1 = ApplicationNode.start("cluster-node1", properties);
        node2 = ApplicationNode.start("cluster-node2", properties);
    }

    @AfterAll
    static void stopNodes() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    @Test
    void registrationsSubmittedToOneNodeAndWorkedOnTheOtherFinishExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            var request = TestRegistrations.organization();
            emails.add(request.user().email());
            HttpResponse<String> created = send(
                    node1,
                    "POST",
                    "/api/registrations/organization",
                    null,
                    json.writeValueAsString(TestRegistrations.body(request)));
            assertThat(created.statusCode()).isEqualTo(201);
            ids.add(json.readTree(created.body()).get("id").asText());
        }

        for (String id : ids) {
            completeOpenTask(node2, "seller-admin", id, "Task_ReviewRegistration", Map.of("approved", true));
            completeOpenTask(
                    node1,
                    "account-rep",
                    id,
                    "Task_SetUpAccount",
                    Map.of("accountName", "Main", "contractName", "Standard", "contractValidFrom", "2026-01-01"));
            // four-eyes: the final approval comes from someone other than the reviewer
            completeOpenTask(node2, "seller-approver", id, "Task_ApproveRegistration", Map.of("approved", true));
        }
        for (String id : ids) {
            await("registration " + id + " approved", () -> "APPROVED".equals(state(id)));
        }
        await(
                "every applicant mailed twice",
                () -> emails.stream().allMatch(e -> TestSmtp.to(mail, e).size() >= 2));
        // a mail is sent before its job's transaction commits: once no job of the flow is left, none can come late
        await(
                "no job of the registrations left",
                () -> adminGet(node2, "/engine-rest/job/count?processDefinitionKey=orgSelfRegistration")
                                .get("count")
                                .asLong()
                        == 0);

        for (String email : emails) {
            assertThat(TestSmtp.to(mail, email)).as("mails to " + email).hasSize(2);
        }
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com"))
                .as("review and final approval notices")
                .hasSize(2 * REGISTRATIONS);
        assertThat(adminGet(node1, "/engine-rest/incident/count").get("count").asLong())
                .isZero();
        assertThat(adminGet(node2, "/engine-rest/job/count?processDefinitionKey=orgSelfRegistration")
                        .get("count")
                        .asLong())
                .isZero();
        for (String id : ids) {
            JsonNode activities = adminGet(
                    node2, "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId(id));
            List<String> activityIds = new ArrayList<>();
            activities.forEach(
                    activity -> activityIds.add(activity.get("activityId").asText()));
            assertThat(activityIds)
                    .as("activities of " + id)
                    .doesNotHaveDuplicates()
                    .contains("Task_NotifySellerAdmins", "Task_NotifyApproval", "EndEvent_RegistrationApproved");
        }
    }

    /** Per-node buckets would let 30 through on each node; the shared table lets 30 through on both together. */
    @Test
    void aRateLimitIsOneLimitForBothNodes() throws Exception {
        String renewal = "{\"email\":\"nobody@example.com\"}";
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (int i = 0; i < 30; i++) {
            ApplicationNode node = i % 2 == 0 ? node1 : node2;
            LoopbackHttp.Response accepted =
                    LoopbackHttp.send("127.0.0.2", node.port(), "POST", "/api/activation/renewal", json, renewal);
            assertThat(accepted.status())
                    .as("request %d: %s", i + 1, accepted.body())
                    .isBetween(200, 299);
        }
        for (ApplicationNode node : List.of(node1, node2)) {
            LoopbackHttp.Response refused =
                    LoopbackHttp.send("127.0.0.2", node.port(), "POST", "/api/activation/renewal", json, renewal);
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        }
    }

    @Test
    void aStorefrontSessionStartedOnOneNodeWorksOnTheOther() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create(node1.url("/store/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signIn = browser.send(
                HttpRequest.newBuilder(URI.create(node1.url("/store/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("logonId=csr&logonPassword=demo&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);

        HttpResponse<String> me = browser.send(
                HttpRequest.newBuilder(URI.create(node2.url("/api/me"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"csr\"");
    }

    private void completeOpenTask(
            ApplicationNode node, String staff, String registrationId, String taskKey, Map<String, Object> values)
            throws Exception {
        String[] taskId = new String[1];
        await(taskKey + " of " + registrationId, () -> {
            JsonNode tasks = get(
                    node,
                    staff,
                    "/engine-rest/task?processInstanceBusinessKey=" + registrationId + "&taskDefinitionKey=" + taskKey);
            if (tasks.size() == 1) {
                taskId[0] = tasks.get(0).get("id").asText();
                return true;
            }
            return false;
        });
        // as staff work: the mail of the task's "Task created" notice links this very task (from either node)
        await(
                "the notice linking " + taskKey + " of " + registrationId,
                () -> java.util.Arrays.stream(mail.getReceivedMessages())
                        .anyMatch(m -> TestSmtp.text(m).contains("#/?task=" + taskId[0])));
        // a mail is sent before its job commits: staff act once the notice's job is done (a completion racing that
        // commit is a 409, tested in ExternalTaskRaceConflictTest, not what this test is about)
        String instance = processInstanceId(registrationId);
        await(
                "the notice's job of " + taskKey + " done",
                () -> adminGet(node, "/engine-rest/job/count?processInstanceId=" + instance + "&executable=true")
                                .get("count")
                                .asLong()
                        == 0);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> completed = send(
                node,
                "POST",
                "/engine-rest/task/" + taskId[0] + "/submit-form",
                staff,
                json.writeValueAsString(Map.of("variables", variables)));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    private String processInstanceId(String registrationId) {
        return adminGet(node1, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + registrationId)
                .get(0)
                .get("id")
                .asText();
    }

    private String state(String registrationId) {
        try {
            return json.readTree(send(node2, "GET", "/api/registrations/" + registrationId, null, null)
                            .body())
                    .get("state")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode adminGet(ApplicationNode node, String path) {
        return get(node, "admin", path);
    }

    private JsonNode get(ApplicationNode node, String user, String path) {
        try {
            HttpResponse<String> response = send(node, "GET", path, user, null);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(ApplicationNode node, String method, String path, String user, String body)
            throws Exception {
        return http.send(node.request(method, path, user, body), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}

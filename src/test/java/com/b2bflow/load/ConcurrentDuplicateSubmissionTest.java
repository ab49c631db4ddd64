package com.b2bflow.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 1,000 simultaneous submissions over real HTTP that all want the same logon id (or the same organization name
 * under the same parent): exactly one is created, every other one is a 409 naming the field, never a 5xx, and the
 * database holds exactly one organization, user, registration and process instance for them. The up-front checks
 * answer most of them before the password is hashed; the unique constraints decide the race among those that
 * passed the checks together.
 */
@Tag(TestTiers.LOAD)
@Tag(TestTiers.DATABASE)
@IntegrationTest
class ConcurrentDuplicateSubmissionTest {

    static final int SUBMISSIONS = 1000;
    static final int IN_FLIGHT = 100;

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aThousandSubmissionsWithOneLogonIdCreateExactlyOne() throws Exception {
        String logonId = TestRegistrations.unique("dup-logon");
        String orgPrefix = TestRegistrations.unique("dup-lo-org");
        Outcome outcome = race(i -> TestRegistrations.organization(
                orgPrefix + " " + i + " Ltd", logonId, logonId + "-" + i + "@dup.example.com"));

        outcome.assertOneCreatedRestConflictOn("user.logonId");
        assertThat(count("select count(*) from member_user where logon_id_normalized = ?", logonId.toLowerCase()))
                .isEqualTo(1);
        assertThat(count("select count(*) from organization where name like ?", orgPrefix + " %"))
                .isEqualTo(1);
        assertCreatedOnce(
                outcome.createdId(),
                "select count(*) from registration r join member_user u "
                        + "on r.user_id = u.id where u.logon_id_normalized = ?",
                logonId.toLowerCase());
    }

    @Test
    void aThousandSubmissionsWithOneOrganizationNameCreateExactlyOne() throws Exception {
        String organization = TestRegistrations.unique("Dup Org") + " GmbH";
        String logonPrefix = TestRegistrations.unique("dup-on");
        Outcome outcome = race(i -> TestRegistrations.organization(
                organization, logonPrefix + "-" + i, logonPrefix + "-" + i + "@dup.example.com"));

        outcome.assertOneCreatedRestConflictOn("organization.name");
        assertThat(count("select count(*) from organization where name = ?", organization))
                .isEqualTo(1);
        assertThat(count("select count(*) from member_user where logon_id_normalized like ?", logonPrefix + "-%"))
                .isEqualTo(1);
        assertCreatedOnce(
                outcome.createdId(),
                "select count(*) from registration r join organization o "
                        + "on r.organization_id = o.id where o.name = ?",
                organization);
    }

    private void assertCreatedOnce(String registrationId, String registrationsQuery, Object key) {
        assertThat(count(registrationsQuery, key)).as("registrations").isEqualTo(1);
        assertThat(count("select count(*) from registration where id = ?", registrationId))
                .isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(registrationId)
                        .count())
                .as("process instances")
                .isEqualTo(1);
    }

    private long count(String sql, Object argument) {
        return jdbc.queryForObject(sql, Long.class, argument);
    }

    /** Sends all submissions at once (IN_FLIGHT at a time), starting together. */
    private Outcome race(IntFunction<RegistrationRequest> requests) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        CountDownLatch start = new CountDownLatch(1);
        long began = System.nanoTime();
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                String body = json.writeValueAsString(TestRegistrations.body(requests.apply(i)));
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/registrations/organization"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                results.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                responses.add(result.get(180, TimeUnit.SECONDS));
            }
            Outcome outcome = new Outcome(responses, Duration.ofNanos(System.nanoTime() - began));
            System.out.printf(
                    "LOAD duplicate submissions: %d in %d ms, statuses %s%n",
                    SUBMISSIONS, outcome.elapsed().toMillis(), outcome.statuses());
            return outcome;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(List<HttpResponse<String>> responses, Duration elapsed) {

        Map<Integer, Long> statuses() {
            Map<Integer, Long> statuses = new TreeMap<>();
            responses.forEach(r -> statuses.merge(r.statusCode(), 1L, Long::sum));
            return statuses;
        }

        String createdId() throws Exception {
            HttpResponse<String> created = responses.stream()
                    .filter(r -> r.statusCode() == 201)
                    .findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(created.body()).get("id").asText();
        }

        void assertOneCreatedRestConflictOn(String field) throws Exception {
            assertThat(statuses()).as("statuses").containsOnlyKeys(201, 409);
            assertThat(statuses().get(201)).as("created").isEqualTo(1);
            assertThat(statuses().get(409)).as("conflicts").isEqualTo(SUBMISSIONS - 1L);
            ObjectMapper json = new ObjectMapper();
            for (HttpResponse<String> response : responses) {
                if (response.statusCode() == 409) {
                    JsonNode problem = json.readTree(response.body());
                    assertThat(problem.path("errors").path(0).path("field").asText())
                            .as(response.body())
                            .isEqualTo(field);
                    assertThat(problem.path("errors").path(0).path("message").asText())
                            .isNotBlank();
                }
            }
        }
    }
}

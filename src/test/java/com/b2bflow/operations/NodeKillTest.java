package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.support.ApplicationNode;
import com.b2bflow.support.TestDatabase;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application process on PostgreSQL is killed with SIGKILL while registrations are submitted and approved, and a
 * new process is started on the same database. Every registration whose submission was committed resumes and is
 * approved; a submission in flight at the kill is either fully there or not there at all (and can then be sent
 * again); no organization or user is half-created; every mail arrives, and none twice except - at most - the mails
 * whose job was between the SMTP server's acceptance and its database commit at the kill (SMTP cannot take part in
 * the database transaction: notifications are at-least-once, bounded by the job executor's threads).
 * What was lost: nothing.
 */
@Tag(TestTiers.NODES)
class NodeKillTest {

    private static final int REGISTRATIONS = 20;
    private static final int JOB_THREADS = 3;

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String jdbcUrl;

    @Test
    void killedMidTrafficAndRestartedEveryRegistrationCompletesNothingHalfCreated() throws Exception {
        Map<String, Object> database = TestDatabase.postgresDatabase("b2b_kill_" + System.nanoTime());
        jdbcUrl = (String) database.get("spring.datasource.url");
        Map<String, String> properties = nodeProperties(database);

        List<RegistrationRequest> requests = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            requests.add(TestRegistrations.organization());
        }
        Map<RegistrationRequest, String> accepted = new ConcurrentHashMap<>();
        List<RegistrationRequest> inFlight = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger decisions = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();

        ApplicationNode first = ApplicationNode.start("kill-node1", properties);
        ExecutorService traffic = Executors.newFixedThreadPool(3);
        try {
            // two clients submit, one member of staff works the tasks, all at once
            for (int client = 0; client < 2; client++) {
                traffic.submit(() -> {
                    int index;
                    while (!killed.get() && (index = next.getAndIncrement()) < REGISTRATIONS) {
                        RegistrationRequest request = requests.get(index);
                        try {
                            HttpResponse<String> created = submit(first, request);
                            if (created.statusCode() == 201) {
                                accepted.put(
                                        request,
                                        json.readTree(created.body()).get("id").asText());
                            } else {
                                inFlight.add(request);
                            }
                        } catch (Exception connectionLost) {
                            inFlight.add(request);
                        }
                        Thread.sleep(400);
                    }
                    return null;
                });
            }
            traffic.submit(() -> {
                while (!killed.get()) {
                    for (String id : List.copyOf(accepted.values())) {
                        try {
                            if (advance(first, id)) {
                                decisions.incrementAndGet();
                            }
                        } catch (Exception nodeGone) {
                            // the node was killed under this call
                        }
                    }
                    Thread.sleep(50);
                }
                return null;
            });
            await(
                    "half of the registrations submitted and some decided",
                    () -> accepted.size() >= REGISTRATIONS / 2 && decisions.get() >= 3,
                    Duration.ofSeconds(90));
            // provably mid-transaction at the kill: the next submission has written its organization and user and
            // waits for the registration table, which this connection holds
            try (Connection blocker = connection()) {
                blocker.setAutoCommit(false);
                try (Statement lock = blocker.createStatement()) {
                    lock.execute("LOCK TABLE registration IN SHARE ROW EXCLUSIVE MODE");
                }
                await(
                        "a submission waiting inside its transaction",
                        () -> count("SELECT COUNT(*) FROM "
                                        + "pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                                        + "AND xact_start IS NOT NULL AND query ILIKE 'insert into registration%'")
                                > 0,
                        Duration.ofSeconds(60));
                first.kill();
                killed.set(true);
                blocker.rollback();
            }
            assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        } finally {
            killed.set(true);
            traffic.shutdown();
            assertThat(traffic.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            first.kill();
        }
        assertThat(inFlight).as("submissions in flight at the kill").isNotEmpty();
        int acceptedBeforeKill = accepted.size();
        int decisionsBeforeKill = decisions.get();

        // right after the kill, before any restart: a submission is all there (row, organization, user, process) or
        // not at all
        List<RegistrationRequest> lost = new ArrayList<>();
        for (RegistrationRequest request : inFlight) {
            String id = registrationOf(request);
            if (id == null) {
                assertThat(count(
                                "SELECT COUNT(*) FROM organization WHERE name = ?",
                                request.organization().name()))
                        .as("no organization left by the refused submission")
                        .isZero();
                assertThat(count(
                                "SELECT COUNT(*) FROM member_user WHERE email = ?",
                                request.user().email()))
                        .as("no user left by the refused submission")
                        .isZero();
                lost.add(request);
            } else {
                accepted.put(request, id);
            }
        }
        for (Map.Entry<RegistrationRequest, String> registration : accepted.entrySet()) {
            assertThat(count("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ?", registration.getValue()))
                    .as("process of committed registration " + registration.getValue())
                    .isOne();
        }

        assertThat(lost)
                .as("the submission killed inside its transaction left nothing")
                .isNotEmpty();
        ApplicationNode second = ApplicationNode.start("kill-node2", properties);
        try {
            // the clients whose submission got no answer send it again, the rest of the traffic follows
            for (RegistrationRequest request : lost) {
                HttpResponse<String> again = submit(second, request);
                assertThat(again.statusCode())
                        .as("a refused submission left nothing behind: " + again.body())
                        .isEqualTo(201);
                accepted.put(request, json.readTree(again.body()).get("id").asText());
            }
            for (int i = next.get(); i < REGISTRATIONS; i++) {
                RegistrationRequest request = requests.get(i);
                if (!accepted.containsKey(request)) {
                    HttpResponse<String> created = submit(second, request);
                    assertThat(created.statusCode()).isEqualTo(201);
                    accepted.put(
                            request, json.readTree(created.body()).get("id").asText());
                }
            }
            assertThat(accepted).hasSize(REGISTRATIONS);

            await(
                    "every registration approved",
                    () -> {
                        boolean all = true;
                        for (String id : accepted.values()) {
                            if (!"APPROVED".equals(state(id))) {
                                all = false;
                                try {
                                    advance(second, id);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        }
                        return all;
                    },
                    Duration.ofSeconds(90));
            await(
                    "every applicant mailed",
                    () -> accepted.keySet().stream()
                            .allMatch(r -> TestSmtp.to(mail, r.user().email()).size() >= 2),
                    Duration.ofSeconds(60));
            await(
                    "no job left",
                    () -> count("SELECT COUNT(*) FROM act_ru_job WHERE process_def_key_ = ?", "orgSelfRegistration")
                            == 0,
                    Duration.ofSeconds(60));

            int duplicates = 0;
            List<String> twice = new ArrayList<>();
            for (Map.Entry<RegistrationRequest, String> entry : accepted.entrySet()) {
                RegistrationRequest request = entry.getKey();
                String id = entry.getValue();
                String org = request.organization().name();
                assertThat(count("SELECT COUNT(*) FROM act_ru_execution WHERE business_key_ = ?", id))
                        .as("process of " + id + " ended")
                        .isZero();
                assertThat(count(
                                "SELECT COUNT(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = "
                                        + "p.proc_inst_id_ WHERE p.business_key_ = ? AND a.act_id_ = 'EndEvent_RegistrationApproved'",
                                id))
                        .as("approved end reached once by " + id)
                        .isOne();
                assertThat(count("SELECT COUNT(*) FROM organization WHERE name = ? AND state = 'APPROVED'", org))
                        .as("one approved organization " + org)
                        .isOne();
                assertThat(count("SELECT COUNT(*) FROM organization WHERE name = ?", org))
                        .isOne();
                assertThat(count(
                                "SELECT COUNT(*) FROM member_user WHERE email = ? AND enabled",
                                request.user().email()))
                        .as("one enabled administrator " + request.user().email())
                        .isOne();
                assertThat(count(
                                "SELECT COUNT(*) FROM member_user WHERE email = ?",
                                request.user().email()))
                        .isOne();
                assertThat(count(
                                "SELECT COUNT(*) FROM registration r JOIN member_user u ON u.id = r.user_id "
                                        + "WHERE r.id = ? AND u.organization_id = r.organization_id",
                                id))
                        .as("the administrator belongs to the organization of " + id)
                        .isOne();
                assertThat(count(
                                "SELECT COUNT(*) FROM registration r JOIN role_assignment ra ON ra.user_id = "
                                        + "r.user_id AND ra.organization_id = r.organization_id WHERE r.id = ?",
                                id))
                        .as("role assignments of the administrator of " + id)
                        .isPositive();
                List<String> subjects = TestSmtp.to(mail, request.user().email()).stream()
                        .map(TestSmtp::subject)
                        .toList();
                assertThat(subjects)
                        .as("mails to " + request.user().email())
                        .contains(
                                "We received your registration of " + org,
                                "Your registration of " + org + " is approved");
                long staffMails = java.util.Arrays.stream(mail.getReceivedMessages())
                        .filter(m -> TestSmtp.subject(m).equals("New registration: " + org)
                                && TestSmtp.recipients(m).contains("seller-admin@staff.example.com"))
                        .count();
                // a review decided before its "Task created" notice went out needs no notice: zero is fine
                if (subjects.size() > 2 || staffMails > 1) {
                    twice.add(org + ": " + subjects + ", staff " + staffMails);
                }
                duplicates += subjects.size() - 2 + (int) Math.max(0, staffMails - 1);
            }
            // at-least-once: only a job between SMTP acceptance and commit at the kill may have sent its mail twice
            assertThat(duplicates)
                    .as("mails sent twice (bounded by the job threads busy at the kill)")
                    .isLessThanOrEqualTo(JOB_THREADS);
            assertThat(count("SELECT COUNT(*) FROM registration WHERE state <> 'APPROVED'"))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM registration")).isEqualTo(REGISTRATIONS);
            assertThat(count("SELECT COUNT(*) FROM act_ru_incident"))
                    .as("no incidents")
                    .isZero();
            assertThat(count(
                            "SELECT COUNT(*) FROM member_user u WHERE NOT EXISTS (SELECT 1 FROM registration r "
                                    + "WHERE r.user_id = u.id) AND u.email IN (" + placeholders(accepted.size()) + ")",
                            accepted.keySet().stream()
                                    .map(r -> r.user().email())
                                    .toArray()))
                    .as("users without registration")
                    .isZero();
            System.out.printf(
                    "NodeKillTest: %d registrations (%d accepted and %d decisions before the kill, %d in "
                            + "flight at the kill of which %d left nothing and were sent again), %d mails, %d sent "
                            + "twice %s; lost: nothing%n",
                    REGISTRATIONS,
                    acceptedBeforeKill,
                    decisionsBeforeKill,
                    inFlight.size(),
                    lost.size(),
                    mail.getReceivedMessages().length,
                    duplicates,
                    twice);
        } finally {
            second.close();
        }
    }

    private Map<String, String> nodeProperties(Map<String, Object> database) {
        Map<String, String> properties = ApplicationNode.postgresProperties("postgres", database);
        properties.put("camunda.bpm.job-execution.core-pool-size", String.valueOf(JOB_THREADS));
        properties.put("camunda.bpm.job-execution.max-pool-size", String.valueOf(JOB_THREADS));
        // the killed node's locks on jobs expire after this; the restarted node then runs those jobs
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
        // the killed submission's name reservations (committed before its transaction) are taken over after this
        properties.put("app.registration.abandoned-reservation-after", "PT5S");
        properties.put("app.security.rate-limit.requests", "100000");
        return properties;
    }

    /** Completes the registration's open staff task, if it has one; true when it did. */
    private boolean advance(ApplicationNode node, String registrationId) throws Exception {
        HttpResponse<String> found =
                send(node, "GET", "/engine-rest/task?processInstanceBusinessKey=" + registrationId, "admin", null);
        if (found.statusCode() != 200) {
            return false;
        }
        JsonNode tasks = json.readTree(found.body());
        if (tasks.size() != 1) {
            return false;
        }
        String taskKey = tasks.get(0).get("taskDefinitionKey").asText();
        Map<String, Object> values = switch (taskKey) {
            case "Task_SetUpAccount" ->
                Map.of("accountName", "Main", "contractName", "Standard", "contractValidFrom", "2026-01-01");
            default -> Map.of("approved", true);
        };
        String staff = switch (taskKey) {
            case "Task_SetUpAccount" -> "account-rep";
            // four-eyes: the final approval comes from someone other than the reviewer
            case "Task_ApproveRegistration" -> "seller-approver";
            default -> "seller-admin";
        };
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> completed = send(
                node,
                "POST",
                "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                staff,
                json.writeValueAsString(Map.of("variables", variables)));
        return completed.statusCode() == 204;
    }

    private HttpResponse<String> submit(ApplicationNode node, RegistrationRequest request) throws Exception {
        return send(
                node,
                "POST",
                "/api/registrations/organization",
                null,
                json.writeValueAsString(TestRegistrations.body(request)));
    }

    private HttpResponse<String> send(ApplicationNode node, String method, String path, String user, String body)
            throws IOException, InterruptedException {
        return http.send(node.request(method, path, user, body), HttpResponse.BodyHandlers.ofString());
    }

    private String registrationOf(RegistrationRequest request) throws SQLException {
        try (Connection connection = connection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM registration WHERE applicant_email = ?")) {
            query.setString(1, request.user().email());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private String state(String registrationId) {
        try (Connection connection = connection();
                PreparedStatement query = connection.prepareStatement("SELECT state FROM registration WHERE id = ?")) {
            query.setString(1, registrationId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = connection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(String what, Condition condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.met()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}

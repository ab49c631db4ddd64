package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.ApplicationNode;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database going away: at start-up the application says so and exits non-zero; during operation new
 * submissions get a 503 and leave nothing behind, and once PostgreSQL is back the same application accepts them
 * again without a restart.
 */
@Tag(TestTiers.NODES)
class DatabaseOutageTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unreachableAtStartUpIsAClearMessageAndANonZeroExit() throws Exception {
        int closedPort = freePort();
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/b2b");
        properties.put("spring.datasource.hikari.connection-timeout", "2000");

        int exit = ApplicationNode.runUntilExit("no-database", properties, Duration.ofSeconds(120));

        assertThat(exit).isNotZero();
        assertThat(ApplicationNode.log("no-database"))
                .contains("The database at jdbc:postgresql://127.0.0.1:" + closedPort + "/b2b cannot be reached")
                .contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void anOutageDuringOperationIsA503ThatLosesNothingAndHealsWithoutRestart() throws Exception {
        Path dataDirectory = Files.createTempDirectory("b2b-outage-pg");
        int pgPort = freePort();
        EmbeddedPostgres postgres = startPostgres(dataDirectory, pgPort);
        try (ApplicationNode node = ApplicationNode.start("outage", nodeProperties(postgres))) {
            var first = TestRegistrations.organization();
            HttpResponse<String> accepted = submit(node, first);
            assertThat(accepted.statusCode()).isEqualTo(201);
            String firstId = json.readTree(accepted.body()).get("id").asText();

            postgres.close();
            var lost = TestRegistrations.organization();
            HttpResponse<String> during = submit(node, lost);
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(during.body()).contains("Nothing was saved");

            postgres = startPostgres(dataDirectory, pgPort);
            Instant deadline = Instant.now().plusSeconds(60);
            int status;
            do {
                status = submit(node, TestRegistrations.organization()).statusCode();
            } while (status != 201 && Instant.now().isBefore(deadline));
            assertThat(status)
                    .as("accepted again after the database came back, same process")
                    .isEqualTo(201);

            HttpResponse<String> retried = submit(node, lost);
            assertThat(retried.statusCode())
                    .as("the refused submission left nothing behind")
                    .isEqualTo(201);

            // the registration accepted before the outage finishes its automatic steps: it waits for the review,
            // and its applicant has been mailed. A job that failed while the database was away could not record
            // its failure and runs again when its lock expires (camunda.bpm.job-execution.lock-time-in-millis).
            // Delivery is at least once: a mail the SMTP server accepted just before the database went away,
            // whose record could not be written, is sent again - as the same message, with the same Message-ID
            Instant finished = Instant.now().plusSeconds(90);
            while (!("Task_ReviewRegistration".equals(step(node, firstId))
                            && !TestSmtp.to(mail, first.user().email()).isEmpty())
                    && Instant.now().isBefore(finished)) {
                Thread.sleep(250);
            }
            assertThat(step(node, firstId))
                    .as("step of the registration accepted before the outage")
                    .isEqualTo("Task_ReviewRegistration");
            List<MimeMessage> toApplicant = TestSmtp.to(mail, first.user().email());
            Map<String, Set<String>> messageIdsBySubject = new HashMap<>();
            for (MimeMessage message : toApplicant) {
                messageIdsBySubject
                        .computeIfAbsent(TestSmtp.subject(message), subject -> new HashSet<>())
                        .add(message.getMessageID());
            }
            assertThat(messageIdsBySubject)
                    .as("mails to the applicant accepted before the outage: each one message, a resend its copy")
                    .isNotEmpty()
                    .allSatisfy((subject, ids) -> assertThat(ids).as(subject).hasSize(1));
            assertThat(toApplicant.size() - messageIdsBySubject.size())
                    .as("copies resent: at most the one job that was busy when the database went away")
                    .isLessThanOrEqualTo(1);
        } finally {
            postgres.close();
        }
    }

    /** Keeps its data directory when closed (a "clean" server deletes it), so a restart finds the same data. */
    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static Map<String, String> nodeProperties(EmbeddedPostgres postgres) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.datasource.hikari.connection-timeout", "2000");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestSmtp.port()));
        // the postgres profile requires HTTPS (production runs behind a TLS proxy); this node speaks plain http
        properties.put("app.security.require-https", "false");
        // a job that failed while the database was away runs again when its lock expires: 10 s here instead of
        // the shipped 60 s, the same mechanism in a sixth of the wait (as in NodeKillTest)
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
        return properties;
    }

    private String step(ApplicationNode node, String registrationId) throws Exception {
        HttpResponse<String> status = http.send(
                HttpRequest.newBuilder(URI.create(node.url("/api/registrations/" + registrationId)))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return status.statusCode() == 200
                ? json.readTree(status.body()).path("step").asText()
                : "HTTP " + status.statusCode();
    }

    /** A port for the restartable PostgreSQL (it must come back on the same one), or one nothing listens on. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> submit(ApplicationNode node, com.b2bflow.registration.RegistrationRequest request)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(node.url("/api/registrations/organization")))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(TestRegistrations.body(request))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

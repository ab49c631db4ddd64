package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.ApplicationNode;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database going away: at start-up the application says so and exits non-zero; during operation new
 * submissions get a 503 and leave nothing behind, and once PostgreSQL is back the same application accepts them
 * again without a restart.
 */
class DatabaseOutageTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unreachableAtStartUpIsAClearMessageAndANonZeroExit() throws Exception {
        int closedPort = ApplicationNode.freePort();
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
        int pgPort = ApplicationNode.freePort();
        EmbeddedPostgres postgres = startPostgres(dataDirectory, pgPort);
        try (ApplicationNode node = ApplicationNode.start("outage", nodeProperties(postgres))) {
            assertThat(submit(node, TestRegistrations.organization()).statusCode()).isEqualTo(201);

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
            assertThat(status).as("accepted again after the database came back, same process").isEqualTo(201);

            HttpResponse<String> retried = submit(node, lost);
            assertThat(retried.statusCode()).as("the refused submission left nothing behind").isEqualTo(201);
        } finally {
            postgres.close();
        }
    }

    /** Keeps its data directory when closed (a "clean" server deletes it), so a restart finds the same data. */
    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private static Map<String, String> nodeProperties(EmbeddedPostgres postgres) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.datasource.hikari.connection-timeout", "2000");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestSmtp.PORT));
        // the postgres profile requires HTTPS (production runs behind a TLS proxy); this node speaks plain http
        properties.put("app.security.require-https", "false");
        return properties;
    }

    private HttpResponse<String> submit(ApplicationNode node, com.b2bflow.registration.RegistrationRequest request)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.url("/api/registrations/organization")))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(TestRegistrations.body(request))))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }
}

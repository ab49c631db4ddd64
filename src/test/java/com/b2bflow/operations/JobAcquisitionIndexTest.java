package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.b2bflow.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indexes the product adds to Camunda's tables (Flyway migrations V21, V22): the job executor's acquisition query
 * finds due jobs through an index, not by reading every timer job; on PostgreSQL the task read grants have partial
 * indexes.
 */
@IntegrationTest
class JobAcquisitionIndexTest {

    @Autowired DataSource dataSource;

    @Test
    void dueDatesOfJobsAreIndexed() throws Exception {
        List<String> indexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
                try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (indexes.next()) {
                        if ("B2B_IDX_JOB_DUEDATE".equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                            indexed.add(indexes.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        assertThat(indexed).containsExactly("DUEDATE_");
    }

    @Test
    void taskReadGrantsHavePartialIndexesOnPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()), "partial indexes");
            List<String> definitions = new ArrayList<>();
            try (ResultSet indexes = connection.createStatement().executeQuery(
                    "select indexdef from pg_indexes where tablename = 'act_ru_authorization'"
                            + " and indexname like 'b2b_idx_auth_read%' order by indexname")) {
                while (indexes.next()) {
                    definitions.add(indexes.getString(1));
                }
            }
            assertThat(definitions).hasSize(2);
            assertThat(definitions.get(0)).contains("(resource_type_, group_id_)").contains("& 2) = 2");
            assertThat(definitions.get(1)).contains("(resource_type_, group_id_)").contains("& 64) = 64");
        }
    }
}

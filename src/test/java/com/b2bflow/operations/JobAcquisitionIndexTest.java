package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestTiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indexes the product adds to Camunda's tables (Flyway migrations V21, V22): the job executor's acquisition query
 * finds due jobs through an index, not by reading every timer job; on PostgreSQL the task read grants have partial
 * indexes.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class JobAcquisitionIndexTest {

    /** The due-date and lock conditions of Camunda's selectNextJobsToExecute (mappings/job.xml). */
    private static final String ACQUISITION = "select RES.ID_ from ACT_RU_JOB RES where RES.RETRIES_ > 0"
            + " and (RES.DUEDATE_ is null or RES.DUEDATE_ <= CURRENT_TIMESTAMP)"
            + " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < CURRENT_TIMESTAMP)"
            + " and RES.SUSPENSION_STATE_ = 1";

    @Autowired
    DataSource dataSource;

    @Test
    void theAcquisitionQueryUsesTheDueDateIndex() throws Exception {
        StringBuilder plan = new StringBuilder();
        boolean postgres;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
            if (postgres) {
                connection.setAutoCommit(false);
                statement.execute("SET LOCAL enable_seqscan = off");
            }
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + ACQUISITION)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            if (postgres) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        if (postgres) {
            assertThat(plan.toString().toUpperCase())
                    .as("plan of the acquisition query:%n%s", plan)
                    .contains("B2B_IDX_JOB_DUEDATE");
        } else {
            assertThat(indexedColumns()).containsExactly("DUEDATE_");
        }
    }

    private List<String> indexedColumns() throws Exception {
        List<String> indexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
            while (indexes.next()) {
                if ("B2B_IDX_JOB_DUEDATE".equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    indexed.add(indexes.getString("COLUMN_NAME").toUpperCase());
                }
            }
        }
        return indexed;
    }

    @Test
    void taskReadGrantsHavePartialIndexesOnPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()), "partial indexes");
            List<String> definitions = new ArrayList<>();
            try (ResultSet indexes = connection
                    .createStatement()
                    .executeQuery("select indexdef from pg_indexes where tablename = 'act_ru_authorization'"
                            + " and indexname like 'b2b_idx_auth_read%' order by indexname")) {
                while (indexes.next()) {
                    definitions.add(indexes.getString(1));
                }
            }
            assertThat(definitions).hasSize(2);
            assertThat(definitions.get(0))
                    .contains("(resource_type_, group_id_)")
                    .contains("& 2) = 2");
            assertThat(definitions.get(1))
                    .contains("(resource_type_, group_id_)")
                    .contains("& 64) = 64");
        }
    }
}

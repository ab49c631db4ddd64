package com.b2bflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor's acquisition query finds due jobs through an index, not by reading every timer job. */
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
}

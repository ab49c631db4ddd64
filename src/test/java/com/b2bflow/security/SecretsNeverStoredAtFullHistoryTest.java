package com.b2bflow.security;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link SecretsNeverStoredTest} at history level {@code full}, which writes a history-detail row for every variable
 * update (the product runs {@code full-lean}): its own application context and database.
 */
@TestPropertySource(properties = "camunda.bpm.history-level=full")
class SecretsNeverStoredAtFullHistoryTest extends SecretsNeverStoredTest {

    @Override
    String historyLevel() {
        return "full";
    }
}

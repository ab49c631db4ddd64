package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.buyeradmin.ReadableHistory.Change;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The audit log's before/after JSON as the history page lists it: one "field: before → after" per field. */
class ReadableHistoryTest {

    private final ReadableHistory history = new ReadableHistory(null, null, null, new ObjectMapper());

    @Test
    void eachChangedFieldIsOneChangeWithEmptyValuesAsNull() {
        assertThat(history.changes("{\"before\":{\"email\":\"a@example.com\",\"phone\":null,\"roles\":[\"Buyer\"]},"
                        + "\"after\":{\"email\":\"b@example.com\",\"phone\":\"+49 30 1\",\"roles\":[]}}"))
                .containsExactly(
                        new Change("email", "a@example.com", "b@example.com"),
                        new Change("phone", null, "+49 30 1"),
                        new Change("roles", "Buyer", null));
    }

    @Test
    void aFieldOnlyAfterOrOnlyBeforeIsAChangeFromOrToNothing() {
        assertThat(history.changes("{\"before\":{\"name\":\"ACME\"},\"after\":null}"))
                .containsExactly(new Change("name", "ACME", null));
        assertThat(history.changes("{\"before\":{\"enabled\":true},\"after\":{\"enabled\":false}}"))
                .containsExactly(new Change("enabled", "true", "false"));
    }

    @Test
    void aCreationShowsWhatAPersonEnteredNotTheRecordsBookkeepingNorEmptyFields() {
        assertThat(
                        history.changes(
                                "{\"before\":null,\"after\":{\"id\":4,\"logonId\":\"otto\",\"middleName\":null,"
                                        + "\"state\":\"APPROVED\",\"organizationId\":8,\"organizationName\":\"ACME\","
                                        + "\"activated\":false,\"lastLoginAt\":null,\"createdAt\":\"2026-12-07T06:01:44.611805719Z\"}}"))
                .containsExactly(new Change("logonId", null, "otto"), new Change("state", null, "APPROVED"));
    }

    @Test
    void detailsThatAreNoBeforeAndAfterShowNoChanges() {
        assertThat(history.changes("CSR Casey accessed the account")).isEmpty();
        assertThat(history.changes("{broken")).isEmpty();
        assertThat(history.changes(null)).isEmpty();
    }
}

package com.b2bflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void aResendOfTheSameMailCarriesTheSameMessageId() {
        String key = "registration-received:42:ana@example.com";

        assertThat(MessageIds.of(key, "no-reply@b2b.example.com"))
                .isEqualTo(MessageIds.of(key, "no-reply@b2b.example.com"))
                .matches("<[0-9a-f]{32}@b2b\\.example\\.com>");
    }

    @Test
    void anotherMailOrAnotherRecipientIsAnotherMessage() {
        String from = "no-reply@b2b.example.com";

        assertThat(MessageIds.of("registration-received:42:ana@example.com", from))
                .isNotEqualTo(MessageIds.of("registration-received:42:bo@example.com", from))
                .isNotEqualTo(MessageIds.of("registration-approved:42:ana@example.com", from));
    }

    @Test
    void aSenderWithoutDomainStillGivesAValidId() {
        assertThat(MessageIds.of("k", "no-reply")).matches("<[0-9a-f]{32}@b2b\\.invalid>");
    }
}

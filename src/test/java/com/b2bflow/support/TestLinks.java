package com.b2bflow.support;

import com.b2bflow.activation.ActivationService;
import com.b2bflow.activation.OneTimeTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time links as the mails carry them (activation, password reset), made directly so that a test can open the page
 * behind one without waiting for the mail: each method returns the raw token of a fresh, usable link. Invitations:
 * {@link TestTenants#invitationLinkIn}.
 */
@Component
public class TestLinks {

    private final ActivationService activation;
    private final TestUsers users;
    private final JdbcTemplate jdbc;

    public TestLinks(ActivationService activation, TestUsers users, JdbcTemplate jdbc) {
        this.activation = activation;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The activation link of a new user who has no password yet. */
    public String activation() {
        return activation.issue(users.waitingForActivation());
    }

    /** A password-reset link of the user, valid for an hour. */
    public String passwordReset(long userId) {
        String token = OneTimeTokens.newToken();
        Instant now = Instant.now();
        jdbc.update(
                "insert into password_reset_token (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                userId,
                OneTimeTokens.hash(token),
                Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofHours(1))));
        return token;
    }
}

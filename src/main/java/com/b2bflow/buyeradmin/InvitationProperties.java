package com.b2bflow.buyeradmin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.invitations}.
 *
 * @param ttl how long an invitation link works (ISO 8601, default P7D); after that it is expired and answers 410
 */
@ConfigurationProperties("app.invitations")
record InvitationProperties(Duration ttl) {

    InvitationProperties {
        if (ttl == null) {
            ttl = Duration.ofDays(7);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("app.invitations.ttl must be positive, not " + ttl);
        }
    }
}

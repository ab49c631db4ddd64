package com.b2bflow.activation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.password-reset}.
 *
 * @param ttl             how long a "forgot your password" link works (ISO 8601, default PT30M)
 * @param requestInterval at most one link per account per interval is mailed (PT1M), against mail bombing
 */
@ConfigurationProperties("app.password-reset")
record PasswordResetProperties(Duration ttl, Duration requestInterval) {

    PasswordResetProperties {
        ttl = ttl == null ? Duration.ofMinutes(30) : ttl;
        requestInterval = requestInterval == null ? Duration.ofMinutes(1) : requestInterval;
        if (ttl.isNegative() || ttl.isZero() || requestInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "app.password-reset: ttl must be positive, request-interval not negative");
        }
    }
}

package com.b2bflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.security.rate-limit}: how many requests to the public registration and activation
 * endpoints one client address may send per window.
 *
 * @param enabled  whether the limit applies (default true)
 * @param requests requests per window and address (default 30)
 * @param window   the window (PT1M), refilled gradually
 */
@ConfigurationProperties("app.security.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer requests, Duration window) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        requests = requests == null ? 30 : requests;
        window = window == null ? Duration.ofMinutes(1) : window;
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("app.security.rate-limit: requests and window must be positive");
        }
    }
}

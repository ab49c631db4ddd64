package com.b2bflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.security.rate-limit}: how many requests to the public registration and activation
 * endpoints one client address may send per window.
 *
 * @param enabled        whether the limit applies (default true)
 * @param requests       requests per window and address (default 30)
 * @param window         the window (PT1M), refilled gradually
 * @param memoryBuckets  on H2 (one node, buckets in memory): how many buckets of all limits are kept at most (100000)
 */
@ConfigurationProperties("app.security.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer requests, Duration window, Integer memoryBuckets) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        requests = requests == null ? 30 : requests;
        window = window == null ? Duration.ofMinutes(1) : window;
        memoryBuckets = memoryBuckets == null ? 100_000 : memoryBuckets;
        if (requests < 1 || window.isNegative() || window.isZero() || memoryBuckets < 1) {
            throw new IllegalArgumentException(
                    "app.security.rate-limit: requests, window and memory-buckets must be " + "positive");
        }
    }
}

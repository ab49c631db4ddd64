package com.b2bflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.security.lockout}: how storefront sign-ins are throttled.
 *
 * @param maxFailures        failed sign-ins in a row that lock a storefront account (default 5)
 * @param duration           how long the account stays locked (PT15M); staff can unlock it earlier
 * @param addressMaxFailures failed sign-ins from one client address within {@code addressWindow} after which
 *                           further sign-ins from that address are refused (20)
 * @param addressWindow      the window of the per-address limit (PT10M), refilled gradually
 */
@ConfigurationProperties("app.security.lockout")
public record LockoutProperties(
        Integer maxFailures, Duration duration, Integer addressMaxFailures, Duration addressWindow) {

    public LockoutProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        duration = duration == null ? Duration.ofMinutes(15) : duration;
        addressMaxFailures = addressMaxFailures == null ? 20 : addressMaxFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
        if (maxFailures < 1
                || addressMaxFailures < 1
                || duration.isNegative()
                || addressWindow.isNegative()
                || addressWindow.isZero()) {
            throw new IllegalArgumentException("app.security.lockout: limits must be positive");
        }
    }
}

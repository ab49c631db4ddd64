package com.b2bflow.activation;

import java.time.Duration;

/**
 * Bound from {@code app.activation}. BPMN timers read {@code ${activationProperties.reminderDelay}} and
 * {@code ${activationProperties.waitLimit}}.
 *
 * @param ttl             how long an activation link works (ISO 8601, default P7D)
 * @param reminderBefore  how long before the first link expires the user is reminded, with a fresh link (P1D)
 * @param waitLimit       how long a flow waits for the activation before it stops waiting (P30D); the user can
 *                        still ask for a new link afterwards
 * @param renewalInterval at most one link per user per interval is sent on request (PT1M), against mail bombing
 */
public record ActivationProperties(
        Duration ttl, Duration reminderBefore, Duration waitLimit, Duration renewalInterval) {

    public ActivationProperties {
        ttl = positiveOr(ttl, Duration.ofDays(7), "ttl");
        reminderBefore = positiveOr(reminderBefore, Duration.ofDays(1), "reminder-before");
        waitLimit = positiveOr(waitLimit, Duration.ofDays(30), "wait-limit");
        renewalInterval = renewalInterval == null ? Duration.ofMinutes(1) : renewalInterval;
        if (reminderBefore.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("app.activation.reminder-before (" + reminderBefore
                    + ") must be shorter than app.activation.ttl (" + ttl + ")");
        }
    }

    private static Duration positiveOr(Duration value, Duration fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("app.activation." + key + " must be positive, not " + value);
        }
        return value;
    }

    /** For BPMN timers: when the first link is about to expire (ttl minus reminder-before), ISO 8601. */
    public String getReminderDelay() {
        return ttl.minus(reminderBefore).toString();
    }

    /** For BPMN timers, ISO 8601. */
    public String getWaitLimit() {
        return waitLimit.toString();
    }
}

package com.b2bflow.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.privacy}.
 *
 * @param eraseRejectedAfter rejected and withdrawn registrations (and the registrant's personal data, unless the
 *                           registrant was approved since) are erased this long after the decision (ISO 8601,
 *                           default {@code P30D}; {@code PT0S} erases at the next run)
 * @param erasureCron        when the erasure job runs (Spring cron, default {@code 0 30 2 * * *}: 02:30 every
 *                           night, server time); {@code -} switches the job off
 * @param erasureBatchSize   at most this many registrations per run (each in its own transaction)
 */
@ConfigurationProperties("app.privacy")
public record PrivacyProperties(Duration eraseRejectedAfter, String erasureCron, Integer erasureBatchSize) {

    public PrivacyProperties {
        eraseRejectedAfter = eraseRejectedAfter == null ? Duration.ofDays(30) : eraseRejectedAfter;
        erasureCron = erasureCron == null || erasureCron.isBlank() ? "0 30 2 * * *" : erasureCron;
        erasureBatchSize = erasureBatchSize == null || erasureBatchSize < 1 ? 500 : erasureBatchSize;
        if (eraseRejectedAfter.isNegative()) {
            throw new IllegalArgumentException("app.privacy.erase-rejected-after must not be negative");
        }
    }
}

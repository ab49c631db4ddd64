package com.b2bflow.buyeradmin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code app.contracts}: how long before a contract's last day its buyer administrators and the account
 * representatives are warned, and when the job looks for such contracts.
 *
 * @param expiryWarningLeadTime whole days before the last day, e.g. {@code P30D}
 * @param expiryWarningCron     Spring cron of the job, e.g. {@code 0 0 6 * * *} (06:00 every day)
 */
@ConfigurationProperties("app.contracts")
record ContractExpiryProperties(Duration expiryWarningLeadTime, String expiryWarningCron) {

    ContractExpiryProperties {
        expiryWarningLeadTime = expiryWarningLeadTime == null ? Duration.ofDays(30) : expiryWarningLeadTime;
        if (expiryWarningLeadTime.isNegative() || expiryWarningLeadTime.toDays() > 366) {
            throw new IllegalArgumentException("app.contracts.expiry-warning-lead-time: 0 to 366 days");
        }
    }

    int leadDays() {
        return (int) expiryWarningLeadTime.toDays();
    }
}

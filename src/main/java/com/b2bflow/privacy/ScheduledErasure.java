package com.b2bflow.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases rejected and withdrawn registrations decided more than {@code app.privacy.erase-rejected-after} ago, on
 * {@code app.privacy.erasure-cron}. A registration that was corrected by a later one waits for the last of its
 * chain. Every node runs the job: each registration is erased in its own transaction behind row locks and skipped
 * when already erased, so two nodes at once do the work once.
 */
@Component
public class ScheduledErasure {

    private static final Logger log = LoggerFactory.getLogger(ScheduledErasure.class);

    private final JdbcTemplate jdbc;
    private final PersonalDataErasure erasure;
    private final PrivacyProperties properties;

    public ScheduledErasure(JdbcTemplate jdbc, PersonalDataErasure erasure, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.properties = properties;
    }

    @Scheduled(cron = "${app.privacy.erasure-cron:0 30 2 * * *}")
    public void run() {
        eraseExpired(Clock.systemUTC());
    }

    /** One run at the clock's time; returns how many registrations were erased. */
    public int eraseExpired(Clock clock) {
        Instant cutoff = clock.instant().minus(properties.eraseRejectedAfter());
        List<String> due = jdbc.queryForList("""
                select r.id from registration r
                where r.state in ('REJECTED', 'WITHDRAWN') and r.erased_at is null and r.decided_at < ?
                  and not exists (select 1 from registration n where n.previous_registration_id = r.id)
                order by r.decided_at""", String.class, Timestamp.from(cutoff));
        int erased = 0;
        for (String id : due.subList(0, Math.min(due.size(), properties.erasureBatchSize()))) {
            try {
                if (erasure.eraseExpiredRegistration(
                        id, cutoff, properties.eraseRejectedAfter().toString())) {
                    erased++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not erase registration {} (retried at the next run): {}", id, e.toString());
            }
        }
        if (erased > 0) {
            log.info("Erased {} rejected or withdrawn registration(s) decided before {}", erased, cutoff);
        }
        return erased;
    }
}

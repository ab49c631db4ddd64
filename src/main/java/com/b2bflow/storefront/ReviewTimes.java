package com.b2bflow.storefront;

import com.b2bflow.registration.SlaProperties;
import com.b2bflow.shared.Texts;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The review's service levels as the registration status page promises them: the models remind the reviewers'
 * group after {@code app.sla.reminder} and tell the site administrators after {@code app.sla.escalation}; the page
 * says "2 days" and "5 days" (German "2 Tage"), in whichever controller renders it.
 */
@ControllerAdvice(annotations = Controller.class)
class ReviewTimes {

    private final SlaProperties sla;
    private final Texts texts;

    ReviewTimes(SlaProperties sla, Texts texts) {
        this.sla = sla;
        this.texts = texts;
    }

    @ModelAttribute("reviewWithin")
    String reviewWithin() {
        return text(sla.reminder());
    }

    @ModelAttribute("escalatedAfter")
    String escalatedAfter() {
        return text(sla.escalation());
    }

    /** An ISO 8601 duration in words: whole days as days, else hours (at least one). */
    String text(String isoDuration) {
        Duration duration = Duration.parse(isoDuration);
        return duration.toHours() % 24 == 0
                ? texts.get("duration.days", duration.toDays())
                : texts.get("duration.hours", Math.max(1, duration.toHours()));
    }
}

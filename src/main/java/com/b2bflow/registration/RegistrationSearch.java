package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import java.time.Instant;

/**
 * Filters of the staff's registration list; null means any.
 *
 * @param step            the model's id of the step the registration waits in
 * @param submittedBefore only registrations submitted before this instant (their age)
 */
public record RegistrationSearch(
        RegistrationFlow flow,
        ApprovalState state,
        String step,
        SlaStatus sla,
        Instant submittedBefore,
        Long organizationId) {

    public static RegistrationSearch ofOrganization(long organizationId) {
        return new RegistrationSearch(null, null, null, null, null, organizationId);
    }

    /** Filters that only the engine can answer: the step and the SLA status of open tasks. */
    boolean needsWaitingSteps() {
        return step != null || sla != null;
    }
}

package com.b2bflow.buyeradmin;

import com.b2bflow.audit.AuditEvent;
import java.time.Instant;

/**
 * One thing customer service did to a customer's organization: who (the CSR), for whom (the customer, when acting
 * on their behalf), why, and what changed.
 */
public record CustomerServiceEvent(
        long id,
        Instant occurredAt,
        String csr,
        String onBehalfOf,
        String reason,
        String action,
        String targetType,
        String targetId,
        Long organizationId,
        String details) {

    public static CustomerServiceEvent of(AuditEvent event) {
        return new CustomerServiceEvent(
                event.getId(),
                event.getOccurredAt(),
                event.getActor(),
                event.getOnBehalfOf(),
                event.getReason(),
                event.getAction(),
                event.getTargetType(),
                event.getTargetId(),
                event.getOrganizationId(),
                event.getDetails());
    }
}

package com.b2bflow.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records audit events in the caller's transaction, so an action and its audit entry commit together. */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEventRepository events;

    public AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String targetType, Object targetId, String details) {
        recordOnBehalf(actor, null, action, targetType, targetId, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOnBehalf(
            String actor, String onBehalfOf, String action, String targetType, Object targetId, String details) {
        events.save(new AuditEvent(
                actor == null ? SYSTEM : actor,
                onBehalfOf,
                action,
                targetType,
                String.valueOf(targetId),
                truncate(details)));
    }

    /**
     * An action in an organization. {@code onBehalfOf} and {@code reason} are set when a CSR acts on behalf of a
     * customer; {@code details} carries what changed (before and after), never a secret.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent recordInOrganization(
            String actor,
            String onBehalfOf,
            String reason,
            Long organizationId,
            String action,
            String targetType,
            Object targetId,
            String details) {
        return events.save(new AuditEvent(
                actor == null ? SYSTEM : actor,
                onBehalfOf,
                reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...",
                organizationId,
                action,
                targetType,
                String.valueOf(targetId),
                truncate(details)));
    }

    private static String truncate(String details) {
        return details == null || details.length() <= 4000 ? details : details.substring(0, 3997) + "...";
    }
}

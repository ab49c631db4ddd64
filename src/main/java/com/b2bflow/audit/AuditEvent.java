package com.b2bflow.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** Who did what to whom; {@code onBehalfOf} names the customer a CSR acted for. */
@Entity
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;
    private String actor;
    private String onBehalfOf;
    private String action;
    private String targetType;
    private String targetId;
    private String details;
    private Long organizationId;
    private String reason;

    protected AuditEvent() {}

    public AuditEvent(
            String actor, String onBehalfOf, String action, String targetType, String targetId, String details) {
        this.occurredAt = Instant.now();
        this.actor = actor;
        this.onBehalfOf = onBehalfOf;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.details = details;
    }

    /** An event in an organization: who acted (and for whom, with the CSR's reason), in which organization. */
    public AuditEvent(
            String actor,
            String onBehalfOf,
            String reason,
            Long organizationId,
            String action,
            String targetType,
            String targetId,
            String details) {
        this(actor, onBehalfOf, action, targetType, targetId, details);
        this.organizationId = organizationId;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getOnBehalfOf() {
        return onBehalfOf;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getDetails() {
        return details;
    }

    /** The organization the event happened in, when it happened in one. */
    public Long getOrganizationId() {
        return organizationId;
    }

    /** Why a CSR acted on behalf of a customer. */
    public String getReason() {
        return reason;
    }
}

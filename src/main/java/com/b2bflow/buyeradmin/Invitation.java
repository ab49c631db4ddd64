package com.b2bflow.buyeradmin;

import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An invitation to register into an organization, sent by its buyer administrator (or a CSR on their behalf) to an
 * email address. Only the SHA-256 of the link's token is stored. Accepted, revoked and expired are final: the link
 * then answers 410. The version makes two acceptances of one link race: one wins, the other finds it accepted.
 */
@Entity
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String email;
    private String tokenHash;
    private String invitedBy;
    private String onBehalfOf;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant acceptedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_user_id")
    private User acceptedUser;

    private Instant revokedAt;
    private String revokedBy;

    @Version
    private long version;

    protected Invitation() {}

    Invitation(
            Organization organization,
            String email,
            String tokenHash,
            String invitedBy,
            String onBehalfOf,
            Instant createdAt,
            Instant expiresAt) {
        this.organization = organization;
        this.email = email;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.onBehalfOf = onBehalfOf;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Accepted and revoked are final; an invitation neither accepted nor revoked expires at {@code expiresAt}. */
    InvitationState state(Instant now) {
        if (acceptedAt != null) {
            return InvitationState.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationState.PENDING : InvitationState.EXPIRED;
    }

    /** Throws {@link InvitationGoneException} (410) unless the invitation can still be accepted. */
    void requirePending(Instant now) {
        InvitationState state = state(now);
        if (state != InvitationState.PENDING) {
            throw new InvitationGoneException(state);
        }
    }

    void accept(User user, Instant now) {
        requirePending(now);
        acceptedAt = now;
        acceptedUser = user;
    }

    /**
     * Revokes a pending invitation and returns true; revoking a revoked one again changes nothing (false). An accepted
     * or expired invitation cannot be revoked: 409.
     */
    boolean revoke(String by, Instant now) {
        InvitationState state = state(now);
        if (state == InvitationState.REVOKED) {
            return false;
        }
        if (state != InvitationState.PENDING) {
            throw new RegistrationConflictException(
                    "invitationId",
                    Texts.text(
                            state == InvitationState.ACCEPTED
                                    ? "conflict.invitationAccepted"
                                    : "conflict.invitationExpired"));
        }
        revokedAt = now;
        revokedBy = by;
        return true;
    }

    Long getId() {
        return id;
    }

    Organization getOrganization() {
        return organization;
    }

    String getEmail() {
        return email;
    }

    String getInvitedBy() {
        return invitedBy;
    }

    String getOnBehalfOf() {
        return onBehalfOf;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    User getAcceptedUser() {
        return acceptedUser;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    String getRevokedBy() {
        return revokedBy;
    }
}

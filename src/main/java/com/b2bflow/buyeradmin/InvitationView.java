package com.b2bflow.buyeradmin;

import java.time.Instant;

/**
 * An invitation as its organization's administrator sees it: never the token. {@code acceptedLogonId} names the
 * buyer who registered through it.
 */
public record InvitationView(
        long id,
        long organizationId,
        String email,
        InvitationState state,
        String invitedBy,
        String onBehalfOf,
        Instant createdAt,
        Instant expiresAt,
        Instant acceptedAt,
        String acceptedLogonId,
        Instant revokedAt,
        String revokedBy) {

    static InvitationView of(Invitation invitation, Instant now) {
        return new InvitationView(
                invitation.getId(),
                invitation.getOrganization().getId(),
                invitation.getEmail(),
                invitation.state(now),
                invitation.getInvitedBy(),
                invitation.getOnBehalfOf(),
                invitation.getCreatedAt(),
                invitation.getExpiresAt(),
                invitation.getAcceptedAt(),
                invitation.getAcceptedUser() == null
                        ? null
                        : invitation.getAcceptedUser().getLogonId(),
                invitation.getRevokedAt(),
                invitation.getRevokedBy());
    }

    /** Whether the administrator can still revoke it. */
    public boolean revocable() {
        return state == InvitationState.PENDING;
    }
}

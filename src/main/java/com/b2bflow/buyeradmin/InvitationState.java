package com.b2bflow.buyeradmin;

/** Where an invitation stands; only a {@link #PENDING} one can be accepted or revoked. */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED
}

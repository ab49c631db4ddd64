package com.b2bflow.access;

/** What {@link AccountAuthorization} answers; each denial has its HTTP status. */
public enum Decision {
    ALLOW(200),
    /** Not signed in: 401. */
    UNAUTHENTICATED(401),
    /** Signed in, but no capacity of the actor permits the action: 403 (whatever the target, so nothing leaks). */
    FORBIDDEN(403),
    /** The action is permitted, but the target is outside the actor's reach or does not exist: 404. */
    NOT_FOUND(404);

    private final int status;

    Decision(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean allowed() {
        return this == ALLOW;
    }
}

package com.b2bflow.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * The password was right, but too many failed sign-ins locked the account until {@link #until()}. Thrown only after
 * the password check, so only someone who knows the password learns of the lock.
 */
public class AccountLockedException extends LockedException {

    private final transient Instant until;

    public AccountLockedException(Instant until) {
        super("Account locked after failed sign-ins");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}

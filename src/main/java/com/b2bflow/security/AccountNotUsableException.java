package com.b2bflow.security;

import org.springframework.security.authentication.AccountStatusException;

/** The password was right, but the account may not sign in yet (or any more); {@link #reason()} says why. */
public class AccountNotUsableException extends AccountStatusException {

    public enum Reason {
        PENDING,
        REJECTED,
        DISABLED
    }

    private final Reason reason;

    public AccountNotUsableException(Reason reason) {
        super("Account cannot sign in: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

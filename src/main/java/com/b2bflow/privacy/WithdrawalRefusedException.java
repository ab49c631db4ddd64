package com.b2bflow.privacy;

/**
 * The registration id, logon id and password do not match a registration (or the account is locked): one answer
 * for all, so that nobody learns which registrations or logon ids exist.
 */
public class WithdrawalRefusedException extends RuntimeException {

    public static final String MESSAGE = "No pending registration matches this id, logon id and password";

    public WithdrawalRefusedException() {
        super(MESSAGE);
    }
}

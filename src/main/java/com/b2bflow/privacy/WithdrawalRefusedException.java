package com.b2bflow.privacy;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The registration id, logon id and password do not match a registration (or the account is locked): one answer
 * for all, so that nobody learns which registrations or logon ids exist.
 */
public class WithdrawalRefusedException extends ProblemException {

    public static final String MESSAGE = "No pending registration matches this id, logon id and password";

    public WithdrawalRefusedException() {
        super(HttpStatus.FORBIDDEN, MESSAGE, List.of());
    }
}

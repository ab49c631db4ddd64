package com.b2bflow.privacy;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Too many failed withdrawals or sign-ins from the caller's address: 429, like a throttled sign-in. */
public class WithdrawalsThrottledException extends ProblemException {

    public WithdrawalsThrottledException() {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts from your address; try again later", List.of());
    }
}

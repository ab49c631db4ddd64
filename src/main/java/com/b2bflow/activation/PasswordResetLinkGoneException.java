package com.b2bflow.activation;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The password reset link cannot be used (any more): 410 Gone, saying why. */
public class PasswordResetLinkGoneException extends ProblemException {

    public enum Reason {
        UNKNOWN("This password reset link is not valid: ask for a new one"),
        USED("This password reset link has already been used: ask for a new one if you need to"),
        EXPIRED("This password reset link has expired: ask for a new one");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public PasswordResetLinkGoneException(Reason reason) {
        super(HttpStatus.GONE, reason.message(), List.of());
        this.reason = reason;
        getBody().setProperty("reason", reason.name());
    }

    public Reason reason() {
        return reason;
    }
}

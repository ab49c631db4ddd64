package com.b2bflow.activation;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The activation link cannot be used (any more): answered with 410 Gone and a message saying why. */
public class ActivationLinkGoneException extends ProblemException {

    public enum Reason {
        UNKNOWN("This activation link is not valid: request a new one"),
        USED("This activation link has already been used"),
        EXPIRED("This activation link has expired: request a new one");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public ActivationLinkGoneException(Reason reason) {
        super(HttpStatus.GONE, reason.message(), List.of());
        this.reason = reason;
        getBody().setProperty("reason", reason.name());
    }

    public Reason reason() {
        return reason;
    }
}

package com.b2bflow.activation;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A one-time link (activation or password reset) that cannot be used (any more): 410 Gone, with a message that says
 * why and under {@code reason} the reason for clients.
 */
public class OneTimeLinkGoneException extends ProblemException {

    public enum Reason {
        UNKNOWN,
        USED,
        EXPIRED
    }

    private final Reason reason;

    private OneTimeLinkGoneException(Reason reason, String message) {
        super(HttpStatus.GONE, message, List.of());
        this.reason = reason;
        getBody().setProperty("reason", reason.name());
    }

    public static OneTimeLinkGoneException activation(Reason reason) {
        return new OneTimeLinkGoneException(reason, activationMessage(reason));
    }

    static String activationMessage(Reason reason) {
        return switch (reason) {
            case UNKNOWN -> "This activation link is not valid: request a new one";
            case USED -> "This activation link has already been used";
            case EXPIRED -> "This activation link has expired: request a new one";
        };
    }

    public static OneTimeLinkGoneException passwordReset(Reason reason) {
        return new OneTimeLinkGoneException(
                reason,
                switch (reason) {
                    case UNKNOWN -> "This password reset link is not valid: ask for a new one";
                    case USED -> "This password reset link has already been used: ask for a new one if you need to";
                    case EXPIRED -> "This password reset link has expired: ask for a new one";
                });
    }

    public Reason reason() {
        return reason;
    }
}

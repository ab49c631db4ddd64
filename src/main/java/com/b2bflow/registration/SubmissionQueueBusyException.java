package com.b2bflow.registration;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * More registrations are being submitted at once than the database connections can take, and this one waited its
 * turn too long: 503 with {@code Retry-After}. Nothing of it was saved.
 */
public class SubmissionQueueBusyException extends ProblemException {

    public static final String RETRY_AFTER_SECONDS = "10";

    public SubmissionQueueBusyException(String message) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Too many registrations are being submitted at once. Nothing was saved; "
                        + "please try again in a moment.",
                List.of(),
                message);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}

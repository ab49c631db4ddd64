package com.b2bflow.shared;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An error that carries its own answer: an RFC 9457 problem detail with the status, a detail for the reader, and under
 * {@code errors} the fields it concerns. The {@code web} module's advice answers it for controllers, and filters write
 * it with {@link ErrorResponses}: one shape for every JSON error.
 */
public class ProblemException extends ErrorResponseException {

    private final String message;

    public ProblemException(HttpStatus status, String detail, List<FieldProblem> errors) {
        this(status, detail, errors, detail);
    }

    /** @param message what logs and callers read ({@link #getMessage()}), where it says more than the detail */
    protected ProblemException(HttpStatus status, String detail, List<FieldProblem> errors, String message) {
        super(status, Problems.of(status, detail, errors), null);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}

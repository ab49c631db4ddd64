package com.b2bflow.web;

import com.b2bflow.access.AccessRefusedException;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.Problems;
import com.b2bflow.shared.RegistrationConflictException;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of the JSON API and the HCL-compatible URLs as RFC 9457 problem details; field errors are listed under
 * {@code errors} as {@code {field, message}}. User errors are never a 5xx.
 */
@RestControllerAdvice(annotations = ProblemResponses.class)
public class ApiProblems {

    @ExceptionHandler(InvalidRegistrationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRegistrationException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Some fields need your attention", e.problems());
    }

    @ExceptionHandler(RegistrationConflictException.class)
    ResponseEntity<ProblemDetail> conflict(RegistrationConflictException e) {
        return Problems.problem(HttpStatus.CONFLICT, e.getMessage(), List.of(e.problem()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> constraint(DataIntegrityViolationException e) {
        RegistrationConflictException conflict = ConstraintConflicts.translate(e).orElseThrow(() -> e);
        return conflict(conflict);
    }

    /**
     * Malformed JSON, or a value of the wrong type: names the field where the parser stopped ({@code user.lastName}),
     * or {@code body} when the body as a whole is unreadable (empty, truncated, not JSON).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape",
                List.of(UnreadableBodies.problem(e)));
    }

    /** A path or query parameter that does not convert, such as {@code /api/me/buyers/abc}: names the parameter. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean number = type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type));
        return Problems.problem(HttpStatus.BAD_REQUEST, "The parameter '" + e.getName() + "' has the wrong format",
                List.of(new FieldProblem(e.getName(), number ? "Expected a whole number" : "Wrong format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is missing",
                List.of(new FieldProblem(e.getParameterName(), "Required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request as " + e.getSupportedMediaTypes(),
                List.of(new FieldProblem("Content-Type", "Unsupported content type")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> problem = Problems.problem(HttpStatus.METHOD_NOT_ALLOWED,
                "Use " + e.getSupportedHttpMethods() + " for this URL", List.of());
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders()).body(problem.getBody());
    }

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ProblemDetail> refused(AccessRefusedException e) {
        return Problems.problem(HttpStatus.valueOf(e.decision().status()), e.getMessage(), List.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return Problems.problem(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason(), List.of());
    }
}

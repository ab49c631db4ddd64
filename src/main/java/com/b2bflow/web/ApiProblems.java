package com.b2bflow.web;

import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.Problems;
import com.b2bflow.shared.Texts;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one answer of the JSON API and the HCL-compatible URLs to an error: an RFC 9457 problem detail, field errors
 * under {@code errors} as {@code {field, message}}. Our own exceptions carry their problem detail
 * ({@link com.b2bflow.shared.ProblemException}) and are answered as they are; Spring MVC's own exceptions get the
 * field they concern named here. User errors are never a 5xx. Filters write the same problem details with
 * {@link com.b2bflow.shared.ErrorResponses}.
 */
@RestControllerAdvice(annotations = ProblemResponses.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** A unique constraint: the field it guards when we know it (a taken logon id), otherwise a concurrent change. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> constraint(DataIntegrityViolationException e, WebRequest request) {
        return ConstraintConflicts.translate(e)
                .map(conflict -> handleExceptionInternal(
                        conflict, conflict.getBody(), conflict.getHeaders(), conflict.getStatusCode(), request))
                .orElseGet(() -> answer(
                        e,
                        HttpStatus.CONFLICT,
                        Texts.text("problem.concurrentChange"),
                        List.of(),
                        new HttpHeaders(),
                        request));
    }

    /** Two people deciding (or editing) the same thing at once: the second one learns it. */
    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<Object> concurrent(RuntimeException e, WebRequest request) {
        return answer(
                e, HttpStatus.CONFLICT, Texts.text("problem.concurrentChange"), List.of(), new HttpHeaders(), request);
    }

    /**
     * Malformed JSON, or a value of the wrong type: names the field where the parser stopped ({@code user.lastName}),
     * or {@code body} when the body as a whole is unreadable (empty, truncated, not JSON).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(
                e,
                HttpStatus.BAD_REQUEST,
                Texts.text("problem.unreadableBody"),
                List.of(UnreadableBodies.problem(e)),
                headers,
                request);
    }

    /** A path or query parameter that does not convert, such as {@code /api/me/buyers/abc}: names the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> type = e.getRequiredType();
        boolean number = type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type));
        String name = e.getPropertyName();
        return answer(
                e,
                HttpStatus.BAD_REQUEST,
                Texts.text("problem.parameterFormat", name),
                List.of(new FieldProblem(name, Texts.text(number ? "problem.wholeNumber" : "problem.wrongFormat"))),
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(
                e,
                HttpStatus.BAD_REQUEST,
                Texts.text("problem.parameterMissing", e.getParameterName()),
                List.of(new FieldProblem(e.getParameterName(), Texts.text("problem.required"))),
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .toList();
        return answer(e, HttpStatus.BAD_REQUEST, Texts.text("problem.fieldsNeedAttention"), errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(
                e,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Texts.text("problem.mediaType", e.getSupportedMediaTypes().toString()),
                List.of(new FieldProblem("Content-Type", Texts.text("problem.unsupportedContentType"))),
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(
                e,
                HttpStatus.METHOD_NOT_ALLOWED,
                Texts.text("problem.method", String.valueOf(e.getSupportedHttpMethods())),
                List.of(),
                headers,
                request);
    }

    private ResponseEntity<Object> answer(
            Exception e,
            HttpStatus status,
            String detail,
            List<FieldProblem> errors,
            HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(e, Problems.of(status, detail, errors), headers, status, request);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "Invalid" : error.getDefaultMessage();
    }
}

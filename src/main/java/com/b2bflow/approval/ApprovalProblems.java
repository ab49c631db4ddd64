package com.b2bflow.approval;

import com.b2bflow.registration.RegistrationAlreadyDecidedException;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.Problems;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The approval API's own errors as problem details (the rest, such as 400 field errors, come from
 * {@code ApiProblems}): 403 who may not, 404 nothing there, 409 decided already or changed concurrently.
 */
@RestControllerAdvice(assignableTypes = {MyApprovalsController.class, StaffApproversController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalProblems {

    static final String CONCURRENT = "Someone else changed this at the same moment; reload and try again";

    @ExceptionHandler(ApprovalForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ApprovalForbiddenException e) {
        return Problems.problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(ApprovalNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ApprovalNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(RegistrationAlreadyDecidedException.class)
    ResponseEntity<ProblemDetail> decided(RegistrationAlreadyDecidedException e) {
        return Problems.problem(HttpStatus.CONFLICT, "This registration was decided already", List.of());
    }

    /** Two approvers deciding (or two administrators editing a group) at once: the second one learns it. */
    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return Problems.problem(HttpStatus.CONFLICT, CONCURRENT, List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> constraint(DataIntegrityViolationException e) {
        return ConstraintConflicts.translate(e)
                .map(conflict -> Problems.problem(HttpStatus.CONFLICT, conflict.getMessage(),
                        List.of(conflict.problem())))
                .orElseGet(() -> Problems.problem(HttpStatus.CONFLICT, CONCURRENT, List.of()));
    }
}

package com.b2bflow.staff;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Two calls to the engine REST API that change the same thing at the same moment (the ERP answering one external
 * task twice at once, two staff completing one task) collide in the database: the engine's optimistic locking, the
 * entities' versions or a unique constraint refuses the second. Camunda would answer 500 and, for constraint
 * violations, show the SQL. This answers 409 with a plain message instead; the transaction was rolled back, so
 * nothing of the refused call was saved.
 */
public final class ConflictRestExceptionHandlers {

    private static final Logger log = LoggerFactory.getLogger(ConflictRestExceptionHandlers.class);

    static final String MESSAGE = "This call collided with another change of the same task or registration made at "
            + "the same moment (for example the same answer sent twice at once), and was refused: nothing of it was "
            + "saved. Fetch the current state before retrying; the task may be done already.";

    private ConflictRestExceptionHandlers() {
    }

    static Response conflict(RuntimeException exception) {
        log.warn("Engine REST call refused with 409, it collided with a concurrent change: {}",
                exception.getClass().getSimpleName());
        ExceptionDto dto = new ExceptionDto();
        dto.setType(exception.getClass().getSimpleName());
        dto.setMessage(MESSAGE);
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }

    /** The engine's own optimistic locking (a row changed since it was read). */
    public static class EngineOptimisticLocking implements ExceptionMapper<OptimisticLockingException> {
        @Override
        public Response toResponse(OptimisticLockingException exception) {
            return conflict(exception);
        }
    }

    /** JPA versions, lock timeouts and deadlocks of our entities. */
    public static class ConcurrencyFailure implements ExceptionMapper<ConcurrencyFailureException> {
        @Override
        public Response toResponse(ConcurrencyFailureException exception) {
            return conflict(exception);
        }
    }

    /** A unique constraint refused the second of two concurrent inserts. */
    public static class DataIntegrityViolation implements ExceptionMapper<DataIntegrityViolationException> {
        @Override
        public Response toResponse(DataIntegrityViolationException exception) {
            return conflict(exception);
        }
    }
}

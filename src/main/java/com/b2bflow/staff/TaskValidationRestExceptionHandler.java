package com.b2bflow.staff;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps exceptions of task listeners, so when a staff decision is refused by our validation (a rejection
 * without a reason, an account without a contract) Camunda's REST API would answer 500. This answers 400 with the
 * validation's message instead. When two staff members complete the same task at once, the loser gets 409 saying
 * that someone else was first (see {@link TaskConflicts}), not a 500 or a bare 404. Every other error is answered as
 * Camunda does.
 */
@Priority(1)
public class TaskValidationRestExceptionHandler extends RestExceptionHandler {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
        // first: a decision that lost the race can also fail validation, on what it read while the winner committed
        Optional<Response> conflict = TaskConflicts.of(exception, uri);
        if (conflict.isPresent()) {
            return conflict.get();
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException validation) {
                ExceptionDto dto = new ExceptionDto();
                dto.setType(FormFieldValidationException.class.getSimpleName());
                dto.setMessage(validation.getMessage());
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(dto).build();
            }
        }
        return super.toResponse(exception);
    }
}

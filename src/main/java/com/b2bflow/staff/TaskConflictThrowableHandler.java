package com.b2bflow.staff;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/**
 * Anything else that escapes a task action while someone else completes the same task: a completion that read the
 * task just before the other one committed can fail inside the engine with a NullPointerException (the execution it
 * read is gone). When the task was completed meanwhile, 409 (see {@link TaskConflicts}); otherwise as Camunda answers.
 */
@Priority(1)
public class TaskConflictThrowableHandler extends ExceptionHandler {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        return TaskConflicts.of(exception, uri).orElseGet(() -> super.toResponse(exception));
    }
}

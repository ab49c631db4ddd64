package com.b2bflow.staff;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Engine exceptions that Camunda's task resources do not wrap themselves (a claim losing to another claim): 409 when
 * someone else was first (see {@link TaskConflicts}), otherwise as Camunda answers them.
 */
@Priority(1)
public class TaskConflictExceptionHandler extends ProcessEngineExceptionHandler {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException exception) {
        return TaskConflicts.of(exception, uri).orElseGet(() -> super.toResponse(exception));
    }
}

package com.b2bflow.staff;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Two staff members working the same task at the same moment (both in Tasklist, or a claim racing a completion):
 * the engine lets one win and fails the other with an optimistic-locking failure, a "task not found" (it is already
 * completed), a 403 (the completed task's authorizations are gone), "already claimed", or even a NullPointerException
 * inside the engine, which Camunda's REST API answers 500 (or 403, or a bare 404). These become 409 with a
 * message that says someone else was first. The same for two answers to one external task at once (the loser may
 * find the execution gone). Anything else is left to Camunda.
 */
final class TaskConflicts {

    static final String TYPE = "TaskConflict";

    private static final Pattern TASK_ACTION =
            Pattern.compile("(?:^|/)task/([^/]+)/(complete|submit-form|claim|resolve)$");

    private static final Pattern EXTERNAL_TASK_ACTION =
            Pattern.compile("(?:^|/)external-task/([^/]+)/(complete|failure|bpmnError)$");

    private TaskConflicts() {
    }

    static Optional<Response> of(Throwable exception, UriInfo uri) {
        String taskId = id(uri, TASK_ACTION);
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                return Optional.of(conflict("This task was already claimed by " + claimed.getTaskAssignee()
                        + ", someone else. Reload your task list."));
            }
            if (cause instanceof OptimisticLockingException && taskId != null) {
                return Optional.of(conflict("Someone else completed or changed this task at the same moment. "
                        + "Reload your task list to see where the registration is now."));
            }
        }
        if (taskId != null && completedEarlier(taskId)) {
            return Optional.of(conflict("This task was already completed by someone else. "
                    + "Reload your task list to see where the registration is now."));
        }
        String externalTaskId = id(uri, EXTERNAL_TASK_ACTION);
        // an answer after the other one committed gets Camunda's own 404 "does not exist"; this is the one that
        // raced it and found the execution gone
        if (externalTaskId != null && !notFound(exception) && answeredEarlier(externalTaskId)) {
            return Optional.of(conflict("This external task was answered by another call at the same moment and "
                    + "no longer waits for an answer: nothing of it was saved."));
        }
        return Optional.empty();
    }

    private static boolean notFound(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static String id(UriInfo uri, Pattern action) {
        if (uri == null) {
            return null;
        }
        Matcher matcher = action.matcher(uri.getPath());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The external task is gone from the runtime after it was answered (not: it never existed). */
    private static boolean answeredEarlier(String externalTaskId) {
        return withoutAuthorization(engine -> engine.getExternalTaskService().createExternalTaskQuery()
                .externalTaskId(externalTaskId).count() == 0
                && engine.getHistoryService().createHistoricExternalTaskLogQuery().externalTaskId(externalTaskId)
                .count() > 0);
    }

    /**
     * The task is gone from the runtime because it was completed (not: it never existed). Looked up without the
     * caller's authorizations: a completed task's authorizations are gone with it, and staff may not read history.
     */
    private static boolean completedEarlier(String taskId) {
        return withoutAuthorization(engine -> {
            if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
                return false;
            }
            HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
                    .singleResult();
            return task != null && task.getEndTime() != null;
        });
    }

    private static boolean withoutAuthorization(Predicate<ProcessEngine> check) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return false;
        }
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return check.test(engine);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static Response conflict(String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(TYPE);
        dto.setMessage(message);
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }
}

package com.b2bflow.staff;

import com.b2bflow.shared.Texts;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
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
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The one answer chain of {@code /engine-rest} errors, in this order:
 * <ol>
 * <li><b>A race: 409</b>, one body for all of them. Two staff members working the same task at the same moment (both
 * in Tasklist, or a claim racing a completion), or two answers to one external task: the engine lets one win and
 * fails the other with an optimistic-locking failure, "already claimed", a "task not found" or a 403 (the task is
 * completed and its authorizations are gone), a NullPointerException inside the engine (the execution it read is
 * gone, or its parent: ENGINE-03077), or a version or unique-constraint collision of our entities. Camunda would answer 500 (with the SQL of the
 * constraint), 403 or a bare 404.</li>
 * <li><b>A staff decision our validation refused: 400</b> with the validation's plain message ({@link TaskRefusals}
 * hands the refusal to the REST resources unwrapped; Camunda would prefix it with the task id).</li>
 * <li>Everything else as Camunda answers it.</li>
 * </ol>
 * The bodies keep Camunda's shape ({@code type}, {@code message}), which Tasklist and the external task client read;
 * the messages are in the language the request asks for ({@code Accept-Language}: Tasklist sends the browser's).
 * JAX-RS picks a mapper by exception type, so the chain is registered once for each type Camunda maps itself.
 */
public final class EngineRestErrors {

    static final String CONFLICT_TYPE = "TaskConflict";

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    private static final Pattern TASK_ACTION =
            Pattern.compile("(?:^|/)task/([^/]+)/(complete|submit-form|claim|resolve)$");

    private static final Pattern EXTERNAL_TASK_ACTION =
            Pattern.compile("(?:^|/)external-task/([^/]+)/(complete|failure|bpmnError)$");

    private EngineRestErrors() {}

    /** Our answer to a failed engine REST call, or empty where Camunda's own answer stands. */
    static Optional<Response> answer(Throwable exception, UriInfo uri) {
        if (race(exception, uri)) {
            log.warn(
                    "Engine REST call {} refused with 409, it raced a concurrent change: {}",
                    uri == null ? "" : uri.getPath(),
                    exception.getClass().getSimpleName());
            return Optional.of(response(
                    Response.Status.CONFLICT, CONFLICT_TYPE, Texts.text("staff.conflict.raced") + holder(exception)));
        }
        FormFieldValidationException refusal = TaskRefusals.refusal(exception);
        if (refusal != null) {
            // Camunda's own 400 would prefix "Cannot submit task form <id>: ", which a staff member cannot use
            return Optional.of(response(
                    Response.Status.BAD_REQUEST,
                    FormFieldValidationException.class.getSimpleName(),
                    refusal.getMessage()));
        }
        return Optional.empty();
    }

    /** Who holds a task another staff member tried to claim: the colleague to talk to. */
    private static String holder(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException claimed && claimed.getTaskAssignee() != null) {
                return " " + Texts.text("staff.conflict.claimedBy", claimed.getTaskAssignee());
            }
        }
        return "";
    }

    private static boolean race(Throwable exception, UriInfo uri) {
        String taskId = id(uri, TASK_ACTION);
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException
                    || cause instanceof OptimisticLockingException
                    || cause instanceof ConcurrencyFailureException
                    || cause instanceof DataIntegrityViolationException
                    || parentExecutionGone(cause)) {
                return true;
            }
        }
        if (taskId != null && completedEarlier(taskId)) {
            return true;
        }
        String externalTaskId = id(uri, EXTERNAL_TASK_ACTION);
        // an answer after the other one committed gets Camunda's own 404 "does not exist"; this is the one that
        // raced it and found the execution gone
        return externalTaskId != null && !notFound(exception) && answeredEarlier(externalTaskId);
    }

    /**
     * ENGINE-03077 "Cannot resolve parent ... perhaps it was deleted in the meantime": a completion that raced a job
     * of the same scope (the "Task created" notice of a task completed at once) and lost.
     */
    private static boolean parentExecutionGone(Throwable cause) {
        return cause.getMessage() != null && cause.getMessage().contains("ENGINE-03077");
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
        return withoutAuthorization(engine -> engine.getExternalTaskService()
                                .createExternalTaskQuery()
                                .externalTaskId(externalTaskId)
                                .count()
                        == 0
                && engine.getHistoryService()
                                .createHistoricExternalTaskLogQuery()
                                .externalTaskId(externalTaskId)
                                .count()
                        > 0);
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
            HistoricTaskInstance task = engine.getHistoryService()
                    .createHistoricTaskInstanceQuery()
                    .taskId(taskId)
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

    private static Response response(Response.Status status, String type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage(message);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(dto)
                .build();
    }

    /** The chain for what Camunda maps as any throwable (our entities' collisions, NPEs inside the engine). */
    @Priority(1)
    public static class ForThrowable extends ExceptionHandler {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable exception) {
            return answer(exception, uri).orElseGet(() -> super.toResponse(exception));
        }
    }

    /** The chain for engine exceptions the REST resources do not wrap (a claim losing to another claim). */
    @Priority(1)
    public static class ForEngine extends ProcessEngineExceptionHandler {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception, uri).orElseGet(() -> super.toResponse(exception));
        }
    }

    /** The chain for engine exceptions the REST resources wrap (a completion and its task listeners). */
    @Priority(1)
    public static class ForRest extends RestExceptionHandler {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RestException exception) {
            return answer(exception, uri).orElseGet(() -> super.toResponse(exception));
        }
    }
}

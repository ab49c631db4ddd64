package com.b2bflow.registration;

import static com.b2bflow.registration.ProcessVariables.APPROVED;
import static com.b2bflow.registration.ProcessVariables.REJECTION_REASON;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The rules every staff decision task shares, whichever module's listener checks it: Tasklist shows a refusal's
 * message and the task stays open.
 */
public final class StaffDecisions {

    /** Who decided when no person did: the policy activated the registration without approval. */
    public static final String AUTOMATIC = "policy (approval not required)";

    public static final int MAX_REASON_LENGTH = 2000;

    private StaffDecisions() {}

    /**
     * The decision ({@code approved} true or false; {@code question} says what each means), refused without one or
     * when a rejection has no reason or too long a reason.
     */
    public static boolean approved(DelegateTask task, String question) {
        Boolean approved = ProcessVariables.bool(task.getVariable(APPROVED));
        if (approved == null) {
            throw refused(APPROVED, question);
        }
        String reason = Executions.text(task, REJECTION_REASON);
        if (!approved && (reason == null || reason.isEmpty())) {
            throw refused(REJECTION_REASON, "A rejection needs a reason: it is sent to the applicant");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw refused(REJECTION_REASON, "The reason may be at most " + MAX_REASON_LENGTH + " characters long");
        }
        return approved;
    }

    public static String decider(DelegateTask task) {
        return person(task).orElse("unknown");
    }

    /**
     * The staff member acting on the task: the signed-in user, else its assignee; empty when the application itself
     * acts (no signed-in user, nobody assigned).
     */
    public static Optional<String> person(DelegateTask task) {
        Authentication current =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return Optional.of(current.getUserId());
        }
        return Optional.ofNullable(task.getAssignee());
    }

    public static FormFieldValidationException refused(String field, String message) {
        return new FormFieldValidationException(field, field + ": " + message);
    }
}

package com.b2bflow.registration;

import static com.b2bflow.registration.ProcessVariables.APPROVED;
import static com.b2bflow.registration.ProcessVariables.REJECTION_REASON;

import com.b2bflow.shared.Texts;
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
     * The decision ({@code approved} true or false; the message of {@code questionKey} says what each means), refused
     * without one or when a rejection has no reason or too long a reason.
     */
    public static boolean approved(DelegateTask task, String questionKey) {
        Boolean approved = ProcessVariables.bool(task.getVariable(APPROVED));
        if (approved == null) {
            throw refused(APPROVED, questionKey);
        }
        String reason = Executions.text(task, REJECTION_REASON);
        if (!approved && (reason == null || reason.isEmpty())) {
            throw refused(REJECTION_REASON, "staff.refusal.reasonRequired");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw refused(REJECTION_REASON, "staff.refusal.reasonTooLong", String.valueOf(MAX_REASON_LENGTH));
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

    /**
     * A refusal naming the field, its message ({@code messageKey} with its arguments) in the language of the staff
     * member's request: Tasklist sends the browser's {@code Accept-Language}; English outside a request.
     */
    public static FormFieldValidationException refused(String field, String messageKey, Object... arguments) {
        return refusedBecause(field, Texts.text(messageKey, arguments));
    }

    /** A refusal naming the field, with a text already in the request's language (a rule another module words). */
    public static FormFieldValidationException refusedBecause(String field, String text) {
        return new FormFieldValidationException(field, field + ": " + text);
    }
}

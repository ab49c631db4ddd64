package com.b2bflow.registration.process;

import static com.b2bflow.registration.ProcessVariables.APPROVAL_GROUPS;
import static com.b2bflow.registration.ProcessVariables.APPROVED;
import static com.b2bflow.registration.ProcessVariables.DECIDED_BY;
import static com.b2bflow.registration.ProcessVariables.ORGANIZATION_ROLES;
import static com.b2bflow.registration.ProcessVariables.REJECTION_REASON;

import com.b2bflow.member.ApprovalType;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a staff decision task without a clear decision: {@code approved} must be true or false, and
 * a rejection needs a reason. Records who decided. Tasklist shows the refusal's message; the task stays open.
 */
@Component
public class ValidateDecision implements TaskListener {

    static final int MAX_REASON_LENGTH = 2000;

    private final RegistrationOutcomes outcomes;

    public ValidateDecision(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(APPROVED);
        Boolean approved = ProcessVariables.bool(decision);
        if (approved == null) {
            throw refused(APPROVED, "Decide: approve (true) or reject (false)");
        }
        String reason = Executions.text(task, REJECTION_REASON);
        if (!approved && (reason == null || reason.isEmpty())) {
            throw refused(REJECTION_REASON, "A rejection needs a reason: it is sent to the applicant");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw refused(REJECTION_REASON, "The reason may be at most " + MAX_REASON_LENGTH + " characters long");
        }
        List<String> unknownRoles = outcomes.unknownRoles(ProcessVariables.stringList(task.getVariable(ORGANIZATION_ROLES)));
        if (!unknownRoles.isEmpty()) {
            throw refused(ORGANIZATION_ROLES, "Unknown roles: " + unknownRoles);
        }
        List<String> knownTypes = Arrays.stream(ApprovalType.values()).map(Enum::name).toList();
        List<String> unknownGroups = ProcessVariables.stringList(task.getVariable(APPROVAL_GROUPS)).stream()
                .filter(type -> !knownTypes.contains(type)).toList();
        if (!unknownGroups.isEmpty()) {
            throw refused(APPROVAL_GROUPS, "Unknown approval groups: " + unknownGroups + "; known: " + knownTypes);
        }
        if (!(decision instanceof Boolean)) {
            // a decision given as text ("true" from a form or REST) is kept as a boolean; a boolean stays as it is
            task.setVariable(APPROVED, approved);
        }
        task.setVariable(DECIDED_BY, decider(task));
    }

    static String decider(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }

    static FormFieldValidationException refused(String field, String message) {
        return new FormFieldValidationException(field, field + ": " + message);
    }
}

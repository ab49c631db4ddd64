package com.b2bflow.registration.process;

import static com.b2bflow.registration.ProcessVariables.APPROVAL_GROUPS;
import static com.b2bflow.registration.ProcessVariables.APPROVED;
import static com.b2bflow.registration.ProcessVariables.DECIDED_BY;
import static com.b2bflow.registration.ProcessVariables.ORGANIZATION_ROLES;

import com.b2bflow.member.ApprovalType;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import com.b2bflow.registration.StaffDecisions;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a staff decision task without a clear decision: {@code approved} must be true or false, and
 * a rejection needs a reason. Records who decided. Tasklist shows the refusal's message; the task stays open.
 */
@Component
public class ValidateDecision implements TaskListener {

    private final RegistrationOutcomes outcomes;

    public ValidateDecision(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(APPROVED);
        boolean approved = StaffDecisions.approved(task, "staff.refusal.decideApproval");
        List<String> unknownRoles =
                outcomes.unknownRoles(ProcessVariables.stringList(task.getVariable(ORGANIZATION_ROLES)));
        if (!unknownRoles.isEmpty()) {
            throw StaffDecisions.refused(
                    ORGANIZATION_ROLES, "staff.refusal.unknownRoles", String.valueOf(unknownRoles));
        }
        List<String> knownTypes =
                Arrays.stream(ApprovalType.values()).map(Enum::name).toList();
        List<String> unknownGroups = ProcessVariables.stringList(task.getVariable(APPROVAL_GROUPS)).stream()
                .filter(type -> !knownTypes.contains(type))
                .toList();
        if (!unknownGroups.isEmpty()) {
            throw StaffDecisions.refused(
                    APPROVAL_GROUPS,
                    "staff.refusal.unknownApprovalGroups",
                    String.valueOf(unknownGroups),
                    String.valueOf(knownTypes));
        }
        if (!(decision instanceof Boolean)) {
            // a decision given as text ("true" from a form or REST) is kept as a boolean; a boolean stays as it is
            task.setVariable(APPROVED, approved);
        }
        task.setVariable(DECIDED_BY, StaffDecisions.decider(task));
    }
}

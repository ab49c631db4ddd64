package com.b2bflow.registration.process;

import static com.b2bflow.registration.ProcessVariables.APPROVED;
import static com.b2bflow.registration.ProcessVariables.REVIEWED_BY;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.OrgSelfRegistrationProcess;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.StaffDecisions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The four-eyes rule of an organization registration ({@code app.registration.four-eyes}, on by default): the final
 * approval comes from someone other than the reviewer. On the review's completion it records the reviewer (a person
 * only: the application acting on its own reviews nobody); on the final approval it refuses the reviewer both when
 * they claim the task (or are made its assignee) and when they complete it, with a message Tasklist shows.
 */
@Component
public class FourEyesApproval implements TaskListener {

    private final RegistrationPolicies policies;

    public FourEyesApproval(RegistrationPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void notify(DelegateTask task) {
        if (OrgSelfRegistrationProcess.Elements.TASK_REVIEW_REGISTRATION.equals(task.getTaskDefinitionKey())) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                StaffDecisions.person(task).ifPresent(reviewer -> task.setVariable(REVIEWED_BY, reviewer));
            }
            return;
        }
        String reviewer = Executions.text(task, REVIEWED_BY);
        if (!policies.fourEyes() || reviewer == null) {
            return;
        }
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (reviewer.equals(task.getAssignee())) {
                throw StaffDecisions.refused("assignee", "staff.refusal.fourEyesClaim", reviewer);
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())
                && StaffDecisions.person(task).filter(reviewer::equals).isPresent()) {
            throw StaffDecisions.refused(APPROVED, "staff.refusal.fourEyesComplete");
        }
    }
}

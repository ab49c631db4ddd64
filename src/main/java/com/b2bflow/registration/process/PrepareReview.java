package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import com.b2bflow.registration.RegistrationOutcomes.ReviewChoices;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * When the review task is created, warns the reviewer of likely duplicates (same name, tax id or domain, linked to
 * the staff console), tells them what a correction changed after an earlier rejection, and ticks the form's starting
 * choices from the registration policy: its approval groups and roles (JSON arrays, as Camunda Forms' checklists read
 * and write them).
 */
@Component
public class PrepareReview implements TaskListener {

    private final RegistrationOutcomes outcomes;

    public PrepareReview(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewChoices choices = outcomes.reviewChoices(Executions.registrationId(task));
        task.setVariable(ProcessVariables.POSSIBLE_DUPLICATES, choices.possibleDuplicates());
        task.setVariable(ProcessVariables.DUPLICATES_WARNING, choices.duplicatesWarning());
        task.setVariable(ProcessVariables.PREVIOUS_REJECTION, choices.previousRejection());
        task.setVariable(ProcessVariables.CHANGES_SINCE_REJECTION, choices.changes());
        task.setVariable(ProcessVariables.APPROVAL_GROUPS, json(choices.approvalGroups()));
        task.setVariable(ProcessVariables.ORGANIZATION_ROLES, json(choices.organizationRoles()));
    }

    private static Object json(List<String> values) {
        return SpinValues.jsonValue(Spin.JSON(values)).create();
    }
}

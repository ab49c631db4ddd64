package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When the review task is created, warns the reviewer of likely duplicates (same name, tax id or domain). */
@Component
public class PrepareReview implements TaskListener {

    private final RegistrationOutcomes outcomes;

    public PrepareReview(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(ProcessVariables.POSSIBLE_DUPLICATES,
                outcomes.possibleDuplicates(Executions.registrationId(task)));
    }
}

package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.TaskEscalation;
import com.b2bflow.registration.WaitingTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands a task that waited past its escalation limit to the site administrators, who are mailed a link to it. */
@Component
public class EscalateTask implements JavaDelegate {

    private final TaskEscalation escalation;

    public EscalateTask(TaskEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WaitingTasks.TaskPath task = WaitingTasks.of(execution);
        if (task.taskDone()) {
            return;
        }
        escalation.escalate(
                Executions.registrationId(execution),
                Executions.text(execution, ProcessVariables.GROUP),
                Executions.text(execution, ProcessVariables.TASK_NAME),
                task.taskId(),
                Executions.notificationKey(execution));
    }
}

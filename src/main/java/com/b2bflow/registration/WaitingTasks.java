package com.b2bflow.registration;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The staff task a mail step is about: the open user task that the boundary event at the start of the step's path is
 * attached to ("Task created", "Reminder due", "Escalation due"). Read from the model, so a designer links a mail
 * to a task by drawing it there, not by naming the task again.
 */
public final class WaitingTasks {

    /** How far back from the step the boundary event may be (a step or two between them is fine). */
    private static final int MAX_STEPS_BACK = 5;

    private WaitingTasks() {}

    /**
     * Where the step stands: on the path of a user task's timer ({@code taskId} of that task while it is open, null
     * once it is done) or on a path of no user task (the ERP flow's external task, the start of a flow).
     */
    public record TaskPath(boolean attached, String taskId, String taskName) {

        /** The step follows a task's timer, but the task was completed before the step ran: nothing to tell. */
        public boolean taskDone() {
            return attached && taskId == null;
        }
    }

    public static TaskPath of(DelegateExecution execution) {
        Optional<String> activity = attachedActivity(execution);
        if (activity.isEmpty()) {
            return new TaskPath(false, null, null);
        }
        Optional<Task> task = execution
                .getProcessEngineServices()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(activity.get())
                .orderByTaskCreateTime()
                .desc()
                .list()
                .stream()
                .findFirst();
        return new TaskPath(
                true,
                task.map(Task::getId).orElse(null),
                task.map(Task::getName).orElse(null));
    }

    static Optional<String> attachedActivity(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof FlowNode node)) {
            return Optional.empty();
        }
        for (int step = 0; step < MAX_STEPS_BACK && node.getIncoming().size() == 1; step++) {
            SequenceFlow incoming = node.getIncoming().iterator().next();
            node = incoming.getSource();
            if (node instanceof BoundaryEvent boundary) {
                return boundary.getAttachedTo() instanceof UserTask task ? Optional.of(task.getId()) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}

package com.b2bflow.registration;

import java.time.Instant;

/**
 * The step a pending registration waits in: a staff task (then {@code taskId} is set) or an external task (the ERP's
 * answer).
 *
 * @param activityId    the model's id of the step, e.g. {@code Task_ReviewRegistration}
 * @param name          the step's name in the model
 * @param taskId        the open user task, for a link to Tasklist; null for an external task
 * @param waitingFor    the assignee of the task, else its candidate groups as the model names them
 * @param since         when the step began to wait
 * @param sla           null when the model attaches no reminder or escalation timer to the step
 * @param reminderDueAt when the reminder is due; null once sent or when there is none
 * @param escalationDueAt when the escalation is due; null once sent or when there is none
 * @param taskDueAt     the due date set on the task (Tasklist), if any
 */
public record WaitingStep(
        String activityId,
        String name,
        String taskId,
        String waitingFor,
        Instant since,
        SlaStatus sla,
        Instant reminderDueAt,
        Instant escalationDueAt,
        Instant taskDueAt) {

    /** The task's own due date has passed. */
    public boolean pastTaskDueDate(Instant now) {
        return taskDueAt != null && taskDueAt.isBefore(now);
    }
}

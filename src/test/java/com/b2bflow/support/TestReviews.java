package com.b2bflow.support;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Organization registrations waiting in their review task, and that task's escalation (its escalation timer fired
 * at once, whatever its due date), for tests of who may work which task. Submitted through the service, not the
 * rate-limited public endpoint.
 */
@Component
public class TestReviews {

    private final RegistrationSubmitters submitters;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JobDriver jobs;

    TestReviews(
            RegistrationSubmitters submitters,
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            JobDriver jobs) {
        this.submitters = submitters;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jobs = jobs;
    }

    /** The id of the review task of a new organization registration, its notice sent. */
    public String openReview() {
        String id = submitters
                .submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization())
                .id();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
        jobs.executeAllOf(instance);
        return tasks.createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("Task_ReviewRegistration")
                .singleResult()
                .getId();
    }

    /** Fires the task's escalation timer and runs the escalation step. */
    public void escalate(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(task.getProcessInstanceId())
                .activityId("Timer_ReviewEscalation")
                .singleResult()
                .getId());
        jobs.executeAllOf(task.getProcessInstanceId());
    }
}

package com.b2bflow.console;

import com.b2bflow.registration.RegistrationFlow;

/**
 * A registration still waiting for a decision, as the console links it: the organization page lists it
 * ({@code /store/staff/organizations/{organizationId}}), Tasklist opens its task.
 *
 * @param step   the model's id of the step it waits in ({@code Task_ReviewRegistration}), null before the first
 * @param task   the open user task's name, null when it waits in no user task
 * @param taskId the open user task's id, for the link to Tasklist; null when there is none
 */
public record OpenRegistration(
        String id, RegistrationFlow flow, Long organizationId, String step, String task, String taskId) {}

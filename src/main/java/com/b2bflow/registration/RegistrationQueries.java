package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import java.util.Optional;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RegistrationQueries {

    private final RegistrationRepository registrations;
    private final TaskService tasks;
    private final ExternalTaskService externalTasks;

    public RegistrationQueries(
            RegistrationRepository registrations, TaskService tasks, ExternalTaskService externalTasks) {
        this.registrations = registrations;
        this.tasks = tasks;
        this.externalTasks = externalTasks;
    }

    /** Whether the applicant gave an email address (HCL's URLs require none): without one, they get no mail. */
    @Transactional(readOnly = true)
    public boolean applicantHasEmail(String registrationId) {
        return registrations
                .findById(registrationId)
                .map(r ->
                        r.getApplicantEmail() != null && !r.getApplicantEmail().isBlank())
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<RegistrationStatus> status(String registrationId) {
        return registrations
                .findById(registrationId)
                .map(r -> new RegistrationStatus(
                        r.getId(),
                        r.getFlow().pathSegment(),
                        r.getState().name(),
                        step(r),
                        r.getOrganization() == null ? null : r.getOrganization().getId(),
                        r.getState() == ApprovalState.PENDING
                                ? null
                                : r.getState().name(),
                        r.getDecisionReason(),
                        r.getSubmittedAt(),
                        r.getDecidedAt(),
                        r.getPreviousRegistration() == null
                                ? null
                                : r.getPreviousRegistration().getId(),
                        r.getState() == ApprovalState.REJECTED
                                ? registrations
                                        .findByPreviousRegistration(r)
                                        .map(Registration::getId)
                                        .orElse(null)
                                : null));
    }

    private String step(Registration registration) {
        if (registration.getState() != ApprovalState.PENDING || registration.getProcessInstanceId() == null) {
            return registration.getState().name();
        }
        String processInstanceId = registration.getProcessInstanceId();
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey)
                .findFirst()
                .or(() -> externalTasks.createExternalTaskQuery().processInstanceId(processInstanceId).list().stream()
                        .map(ExternalTask::getActivityId)
                        .findFirst())
                .orElse("SUBMITTED");
    }

    /** Why a registration was rejected, for its correction form. */
    @Transactional(readOnly = true)
    public Optional<String> rejectionReason(String registrationId) {
        return registrations
                .findById(registrationId)
                .filter(r -> r.getState() == ApprovalState.REJECTED)
                .map(Registration::getDecisionReason);
    }

    /** The submitted data of a rejected registration, to prefill its correction (never contains a password). */
    @Transactional(readOnly = true)
    public Optional<String> correctableSubmission(String registrationId, RegistrationFlow flow) {
        return registrations
                .findById(registrationId)
                .filter(r -> r.getFlow() == flow && r.getState() == ApprovalState.REJECTED)
                .filter(r -> !registrations.existsByPreviousRegistration(r))
                .map(Registration::getSubmittedData);
    }
}

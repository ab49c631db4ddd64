package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every registration of every flow for seller staff, with the step a pending one waits in and where that step stands
 * against its reminder and escalation timers. The registration record answers flow, state, age and organization; the
 * engine answers the step and the SLA status: filtering by those first collects the process instances that match
 * from the open tasks and timers, then pages the registrations among them.
 */
@Service
public class RegistrationOverview {

    private static final Set<String> WAITING_TYPES = Set.of("userTask", "serviceTask", "receiveTask");

    private final RegistrationRepository registrations;
    private final StaffStepModels models;
    private final HistoryService history;
    private final TaskService tasks;
    private final ExternalTaskService externalTasks;
    private final ManagementService management;
    private final RuntimeService runtime;

    RegistrationOverview(
            RegistrationRepository registrations,
            StaffStepModels models,
            HistoryService history,
            TaskService tasks,
            ExternalTaskService externalTasks,
            ManagementService management,
            RuntimeService runtime) {
        this.registrations = registrations;
        this.models = models;
        this.history = history;
        this.tasks = tasks;
        this.externalTasks = externalTasks;
        this.management = management;
        this.runtime = runtime;
    }

    /** The steps registrations can wait in, activity id to name, for a filter. */
    public Map<String, String> steps() {
        return models.stepNames();
    }

    /** A page of registrations, newest first. */
    @Transactional(readOnly = true)
    public Page<RegistrationSummary> find(RegistrationSearch search, Pageable page) {
        Set<String> instances = null;
        if (search.needsWaitingSteps()) {
            instances = instancesWaiting(search);
            if (instances.isEmpty()) {
                return Page.empty(page);
            }
        }
        Pageable newestFirst = org.springframework.data.domain.PageRequest.of(
                page.getPageNumber(),
                page.getPageSize(),
                Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("id")));
        Page<Registration> rows = registrations.findAll(matching(search, instances), newestFirst);
        Map<String, WaitingStep> waiting = waitingSteps(rows.getContent().stream()
                .filter(r -> r.getState() == ApprovalState.PENDING && r.getProcessInstanceId() != null)
                .map(Registration::getProcessInstanceId)
                .collect(Collectors.toSet()));
        Set<String> running = running(rows.getContent().stream()
                .map(Registration::getProcessInstanceId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        List<RegistrationSummary> summaries = rows.getContent().stream()
                .map(r -> summary(r, running.contains(r.getProcessInstanceId()), waiting.get(r.getProcessInstanceId())))
                .toList();
        return new PageImpl<>(summaries, newestFirst, rows.getTotalElements());
    }

    private static Specification<Registration> matching(RegistrationSearch search, Set<String> instances) {
        return (root, query, cb) -> {
            if (query.getResultType() != Long.class && query.getResultType() != long.class) {
                root.fetch("organization", JoinType.LEFT);
                root.fetch("user", JoinType.LEFT);
            }
            List<Predicate> where = new ArrayList<>();
            if (search.flow() != null) {
                where.add(cb.equal(root.get("flow"), search.flow()));
            }
            if (search.state() != null) {
                where.add(cb.equal(root.get("state"), search.state()));
            }
            if (search.submittedBefore() != null) {
                where.add(cb.lessThan(root.get("submittedAt"), search.submittedBefore()));
            }
            if (search.organizationId() != null) {
                where.add(cb.equal(root.get("organization").get("id"), search.organizationId()));
            }
            if (instances != null) {
                where.add(root.get("processInstanceId").in(instances));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The process instances that wait in the searched step with the searched SLA status. */
    private Set<String> instancesWaiting(RegistrationSearch search) {
        Set<String> instances = null;
        if (search.step() != null) {
            instances =
                    history.createHistoricActivityInstanceQuery().activityId(search.step()).unfinished().list().stream()
                            .map(HistoricActivityInstance::getProcessInstanceId)
                            .collect(Collectors.toSet());
        }
        if (search.sla() != null) {
            Set<String> open = new HashSet<>();
            String[] keys = Arrays.stream(RegistrationFlow.values())
                    .map(RegistrationFlow::processKey)
                    .toArray(String[]::new);
            tasks.createTaskQuery()
                    .processDefinitionKeyIn(keys)
                    .list()
                    .forEach(t -> open.add(t.getProcessInstanceId()));
            externalTasks.createExternalTaskQuery().list().forEach(t -> open.add(t.getProcessInstanceId()));
            if (instances != null) {
                open.retainAll(instances);
            }
            instances = waitingSteps(open).entrySet().stream()
                    .filter(e -> e.getValue().sla() == search.sla())
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }
        return instances;
    }

    /**
     * Per process instance, the step it waits in: its open user task, else the external or receive task the history
     * shows unfinished (the first, should a model ever wait in two at once).
     */
    private Map<String, WaitingStep> waitingSteps(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Waiting> waits = new HashMap<>();
        tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list().stream()
                .sorted(java.util.Comparator.comparing(Task::getCreateTime))
                .forEach(task -> waits.putIfAbsent(
                        task.getProcessInstanceId(),
                        new Waiting(
                                task.getProcessDefinitionId(),
                                task.getTaskDefinitionKey(),
                                task.getCreateTime(),
                                task)));
        for (String id : processInstanceIds) {
            if (!waits.containsKey(id)) {
                history.createHistoricActivityInstanceQuery().processInstanceId(id).unfinished().list().stream()
                        .filter(activity -> WAITING_TYPES.contains(activity.getActivityType()))
                        .findFirst()
                        .ifPresent(activity -> waits.put(
                                id,
                                new Waiting(
                                        activity.getProcessDefinitionId(),
                                        activity.getActivityId(),
                                        activity.getStartTime(),
                                        null)));
            }
        }
        Map<String, Date> pendingTimers = pendingTimers(waits);
        Map<String, WaitingStep> steps = new HashMap<>();
        waits.forEach((id, wait) -> {
            StaffStepModels.StepModel model = wait.model(models);
            if (model != null) {
                steps.put(id, wait.step(model, pendingTimers, id));
            }
        });
        return steps;
    }

    /** The timers still to fire of the waiting steps: "process instance/boundary event" to when they are due. */
    private Map<String, Date> pendingTimers(Map<String, Waiting> waits) {
        Map<String, Set<String>> instancesByTimer = new HashMap<>();
        waits.forEach((id, wait) -> {
            StaffStepModels.StepModel model = wait.model(models);
            if (model != null) {
                for (String timer : new String[] {model.reminderTimerId(), model.escalationTimerId()}) {
                    if (timer != null) {
                        instancesByTimer
                                .computeIfAbsent(timer, t -> new HashSet<>())
                                .add(id);
                    }
                }
            }
        });
        Map<String, Date> due = new HashMap<>();
        if (instancesByTimer.isEmpty()) {
            return due;
        }
        // the engine's job query cannot combine activityId with processInstanceIds (7.24 writes invalid SQL)
        Map<String, String> timerOfDefinition = new HashMap<>();
        management
                .createJobDefinitionQuery()
                .activityIdIn(instancesByTimer.keySet().toArray(String[]::new))
                .list()
                .forEach(definition -> timerOfDefinition.put(definition.getId(), definition.getActivityId()));
        Set<String> instances =
                instancesByTimer.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        management
                .createJobQuery()
                .timers()
                .processInstanceIds(instances)
                .list()
                .forEach(job -> {
                    String timer = timerOfDefinition.get(job.getJobDefinitionId());
                    if (timer != null) {
                        due.put(job.getProcessInstanceId() + "/" + timer, job.getDuedate());
                    }
                });
        return due;
    }

    /** A step some process instance waits in, before its model is consulted. */
    private record Waiting(String processDefinitionId, String activityId, Date since, Task task) {

        StaffStepModels.StepModel model(StaffStepModels models) {
            return models.steps(processDefinitionId).get(activityId);
        }

        WaitingStep step(StaffStepModels.StepModel model, Map<String, Date> pendingTimers, String processInstanceId) {
            Date reminder = pendingTimers.get(processInstanceId + "/" + model.reminderTimerId());
            Date escalation = pendingTimers.get(processInstanceId + "/" + model.escalationTimerId());
            SlaStatus sla;
            if (!model.hasSla()) {
                sla = null;
            } else if (model.escalationTimerId() != null && escalation == null) {
                sla = SlaStatus.ESCALATED;
            } else if (model.reminderTimerId() != null && reminder == null) {
                sla = SlaStatus.REMINDED;
            } else {
                sla = SlaStatus.DUE;
            }
            String waitingFor =
                    task != null && task.getAssignee() != null ? task.getAssignee() : model.candidateGroups();
            return new WaitingStep(
                    activityId,
                    model.name(),
                    task == null ? null : task.getId(),
                    waitingFor,
                    instant(since),
                    sla,
                    instant(reminder),
                    instant(escalation),
                    task == null ? null : instant(task.getDueDate()));
        }
    }

    private Set<String> running(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Set.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
                .collect(Collectors.toSet());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static RegistrationSummary summary(Registration r, boolean running, WaitingStep waiting) {
        return new RegistrationSummary(
                r.getId(),
                r.getFlow(),
                r.getState(),
                r.getOrganization() == null ? null : r.getOrganization().getId(),
                r.getOrganization() == null ? null : r.getOrganization().getName(),
                r.getUser() == null ? null : r.getUser().getId(),
                r.getUser() == null ? null : r.getUser().getLogonId(),
                r.getSubmittedAt(),
                r.getDecidedAt(),
                r.getDecidedBy(),
                r.getProcessInstanceId(),
                running,
                waiting);
    }
}

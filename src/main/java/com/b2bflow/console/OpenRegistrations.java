package com.b2bflow.console;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.registration.Registration;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The pending registrations of a page of users or organizations, with their open tasks: two queries per page. */
@Component
class OpenRegistrations {

    private final EntityManager entityManager;
    private final TaskService tasks;

    OpenRegistrations(EntityManager entityManager, TaskService tasks) {
        this.entityManager = entityManager;
        this.tasks = tasks;
    }

    /** Pending registrations by the user who registers. */
    Map<Long, List<OpenRegistration>> ofUsers(Collection<Long> userIds) {
        return userIds.isEmpty()
                ? Map.of()
                : group(pending("r.user.id in :ids", userIds), r -> r.getUser().getId());
    }

    /** Pending registrations of (or into) the organizations. */
    Map<Long, List<OpenRegistration>> ofOrganizations(Collection<Long> organizationIds) {
        return organizationIds.isEmpty()
                ? Map.of()
                : group(
                        pending("r.organization.id in :ids", organizationIds),
                        r -> r.getOrganization().getId());
    }

    private List<Registration> pending(String condition, Collection<Long> ids) {
        return entityManager
                .createQuery(
                        "select r from Registration r where r.state = :pending and " + condition
                                + " order by r.submittedAt",
                        Registration.class)
                .setParameter("pending", ApprovalState.PENDING)
                .setParameter("ids", ids)
                .getResultList();
    }

    private Map<Long, List<OpenRegistration>> group(
            List<Registration> registrations, Function<Registration, Long> key) {
        List<String> instances = registrations.stream()
                .map(Registration::getProcessInstanceId)
                .filter(id -> id != null)
                .toList();
        Map<String, Task> openTasks = instances.isEmpty()
                ? Map.of()
                : tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).active().list().stream()
                        .collect(Collectors.toMap(Task::getProcessInstanceId, t -> t, (first, second) -> first));
        return registrations.stream()
                .collect(Collectors.groupingBy(
                        key,
                        Collectors.mapping(
                                r -> {
                                    Task task = r.getProcessInstanceId() == null
                                            ? null
                                            : openTasks.get(r.getProcessInstanceId());
                                    return new OpenRegistration(
                                            r.getId(),
                                            r.getFlow(),
                                            r.getOrganization() == null
                                                    ? null
                                                    : r.getOrganization().getId(),
                                            r.getStep(),
                                            task == null ? null : task.getName(),
                                            task == null ? null : task.getId());
                                },
                                Collectors.toList())));
    }
}

package com.b2bflow.staff;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * Hands an overdue task to the group it is escalated to, so that its members can act on it and not only read it:
 * the group becomes a candidate of the task (it appears in their "My group tasks" filter and they may claim and
 * complete it) and holds {@link TaskPermissions#TASK_ASSIGN} on it, which {@link ClaimedTaskChecker} reads as the
 * right to take the task over even while someone else holds it (set the assignee, delegate, complete). The grant is
 * an ordinary Camunda authorization on the task: it shows in Camunda Admin and goes with the task when it ends.
 */
@Service
public class TaskEscalations {

    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TaskEscalations(TaskService tasks, AuthorizationService authorizations) {
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    /** Idempotent: a retried escalation job adds nothing twice. */
    public void escalate(String taskId, String groupId) {
        boolean candidate = tasks.getIdentityLinksForTask(taskId).stream().anyMatch(link -> isCandidate(link, groupId));
        if (!candidate) {
            // the engine's authorization provider grants the new candidate READ and UPDATE on the task
            tasks.addCandidateGroup(taskId, groupId);
        }
        Optional<AuthorizationEntity> pending = grantOfThisCommand(groupId, taskId);
        if (pending.isPresent()) {
            // not yet flushed, so no query finds it: the engine writes it with the permission added here
            pending.get().addPermission(TaskPermissions.TASK_ASSIGN);
            return;
        }
        Authorization grant = authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(Resources.TASK)
                .resourceId(taskId)
                .singleResult();
        if (grant == null) {
            grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.TASK);
            grant.setResourceId(taskId);
        } else if (grant.isPermissionGranted(TaskPermissions.TASK_ASSIGN)) {
            return;
        }
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.UPDATE);
        grant.addPermission(TaskPermissions.TASK_ASSIGN);
        authorizations.saveAuthorization(grant);
    }

    /** The group's grant on the task created or loaded in the engine command this runs in (a job), if any. */
    private static Optional<AuthorizationEntity> grantOfThisCommand(String groupId, String taskId) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return Optional.empty();
        }
        return context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
                .filter(grant -> grant.getAuthorizationType() == AUTH_TYPE_GRANT
                        && groupId.equals(grant.getGroupId())
                        && grant.getResourceType() == Resources.TASK.resourceType()
                        && taskId.equals(grant.getResourceId()))
                .findFirst();
    }

    private static boolean isCandidate(IdentityLink link, String groupId) {
        return IdentityLinkType.CANDIDATE.equals(link.getType()) && groupId.equals(link.getGroupId());
    }
}

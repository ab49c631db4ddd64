package com.b2bflow.staff;

import com.b2bflow.shared.Texts;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A claimed task belongs to its assignee. Camunda lets anyone who may work on a task complete it, submit its form,
 * resolve it or change its variables, even while a colleague holds it; this checker refuses that to everybody but the
 * assignee: {@link AuthorizationException} (403 on the engine REST API and in Tasklist) naming who holds the task.
 * Taking over someone's task (claim, unclaim, a new assignee, new candidates) is refused too: a claim as "already
 * claimed by ..." (409, see {@link TaskConflicts}, as when two claims race), the rest as 403. Camunda administrators
 * ({@code camunda-admin}) may do all of it, so they can unclaim a task whose holder is away, and so may whoever holds
 * TASK_ASSIGN on the task: the group it was escalated to (docs/adr/0023-task-hand-offs.md).
 *
 * <p>Why a command checker: the engine asks its checkers on every path into these commands (engine REST API,
 * the webapps' own API, Java API calls made for a signed-in user), so no URL can be forgotten. Calls without a
 * signed-in user (the application's own services, jobs) are not restricted. It extends the engine's authorization
 * checker so that the authorization check runs first: only someone allowed to work on the task learns who holds it.
 */
class ClaimedTaskChecker extends AuthorizationCommandChecker {

    @Override
    public void checkTaskWork(TaskEntity task) {
        super.checkTaskWork(task);
        requireHolder(task);
    }

    @Override
    public void checkUpdateTaskVariable(TaskEntity task) {
        super.checkUpdateTaskVariable(task);
        requireHolder(task);
    }

    @Override
    public void checkTaskAssign(TaskEntity task) {
        super.checkTaskAssign(task);
        requireHolder(task);
    }

    private static void requireHolder(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        String user = context.getAuthenticatedUserId();
        String assignee = task.getAssignee();
        if (user == null
                || assignee == null
                || assignee.equals(user)
                || context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())
                || mayTakeOver(context, task)) {
            return;
        }
        if (Context.getCommandInvocationContext().getCommand() instanceof ClaimTaskCmd) {
            throw new TaskAlreadyClaimedException(task.getId(), assignee);
        }
        throw new AuthorizationException(Texts.text("staff.refusal.claimedByOther", assignee));
    }

    /**
     * Whoever holds TASK_ASSIGN on this task, or on every task, may take it over from its holder: the group a task was
     * escalated to ({@link TaskEscalations}), or supervisors an administrator named in Camunda Admin. Candidate groups
     * hold UPDATE, never TASK_ASSIGN, so colleagues still cannot take each other's claimed tasks.
     */
    private static boolean mayTakeOver(CommandContext context, TaskEntity task) {
        var authentication = context.getAuthentication();
        return context.getAuthorizationManager()
                .isAuthorized(
                        authentication.getUserId(),
                        authentication.getGroupIds(),
                        TaskPermissions.TASK_ASSIGN,
                        Resources.TASK,
                        task.getId());
    }
}

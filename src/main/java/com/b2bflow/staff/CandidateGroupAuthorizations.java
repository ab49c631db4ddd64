package com.b2bflow.staff;

import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, except how a task's candidate groups get to see it.
 * <p>
 * Camunda's {@link DefaultAuthorizationProvider} gives the candidate group of every task its own authorization
 * (READ and UPDATE on that task id). The authorization check of a task query joins the querying user's
 * authorizations with the tasks ({@code AUTH.RESOURCE_ID_ IN (task id, process definition key, '*')}): with 100,000
 * open registrations waiting for seller administrators, their group had 100,000 such rows and the first Tasklist
 * page took 460 ms at p95 (63 ms without them, bench/RESULTS.md).
 * <p>
 * Here a group named in a user task's {@code candidateGroups} of a process model (a literal, not an expression)
 * instead reads the tasks of that process definition (READ_TASK on the definition key, granted when the definition
 * is deployed, see {@link #readTaskGrants}), and the per-task authorization only carries the permission to work the
 * task (UPDATE, or TASK_WORK if so configured), which task queries for READ do not join. So a group
 * <ul>
 * <li>still works (claims, completes) exactly the tasks it is a candidate of, and nothing else;</li>
 * <li>still sees no task of a process in which it is no candidate;</li>
 * <li>may now also see (not work) the other tasks of a process in which it is a candidate of some task, e.g. account
 * representatives the seller administrators' review and approval of the registrations they set accounts up for:
 * the same registration data they see in their own task. Tasklist's filters list a group's candidate tasks only.</li>
 * </ul>
 * A candidate group from an expression, or added through the API to a task whose model does not name it, gets the
 * engine's default per-task authorization (READ and UPDATE).
 */
public class CandidateGroupAuthorizations extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) {
        if (!(processDefinition instanceof ProcessDefinitionEntity definition)) {
            return null;
        }
        List<AuthorizationEntity> grants = new ArrayList<>();
        for (String group :
                staticCandidateGroups(definition.getTaskDefinitions().values())) {
            AuthorizationEntity grant = getGrantAuthorizationByGroupId(group, PROCESS_DEFINITION, definition.getKey());
            if (grant == null) {
                grant = createAuthorization(
                        null, group, PROCESS_DEFINITION, definition.getKey(), ProcessDefinitionPermissions.READ_TASK);
            } else {
                addPermissions(grant, ProcessDefinitionPermissions.READ_TASK);
            }
            grants.add(grant);
        }
        return grants.isEmpty() ? null : grants.toArray(AuthorizationEntity[]::new);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (!IdentityLinkType.CANDIDATE.equals(type)
                || !(task instanceof TaskEntity entity)
                || entity.getProcessDefinitionId() == null
                || entity.getTaskDefinition() == null
                || !staticCandidateGroups(List.of(entity.getTaskDefinition())).contains(groupId)
                || isHistoricInstancePermissionsEnabled()) {
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }
        EnsureUtil.ensureValidIndividualResourceId(
                "Cannot grant default authorization for identity link to group " + groupId, groupId);
        // what the default gives (READ, UPDATE or TASK_WORK, READ_VARIABLE if enforced) without READ
        Permission[] work = Arrays.stream(getRuntimePermissions(isEnforceSpecificVariablePermission()))
                .filter(permission -> permission.getValue() != Permissions.READ.getValue())
                .toArray(Permission[]::new);
        return new AuthorizationEntity[] {createOrUpdateAuthorization(task, null, groupId, TASK, false, work)};
    }

    /** The groups named literally in the candidate groups of these user tasks, sorted. */
    static Set<String> staticCandidateGroups(Collection<TaskDefinition> tasks) {
        Set<String> groups = new TreeSet<>();
        for (TaskDefinition task : tasks) {
            for (Expression expression : task.getCandidateGroupIdExpressions()) {
                String text = expression.getExpressionText();
                if (text != null && !text.isBlank() && !text.contains("${") && !text.contains("#{")) {
                    groups.add(text.strip());
                }
            }
        }
        return groups;
    }

    /**
     * The definition-level grants of the latest version of every deployed process that has none yet (deployed before
     * this provider was in place): [group, process definition key] pairs. Idempotent, and cheap once done: a model is
     * only parsed when no group reads its tasks yet and its XML names candidate groups.
     */
    static List<String[]> readTaskGrants(ProcessEngineConfigurationImpl configuration) {
        List<String[]> grants = new ArrayList<>();
        var repository = (org.camunda.bpm.engine.impl.RepositoryServiceImpl) configuration.getRepositoryService();
        var authorizations = configuration.getAuthorizationService();
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (authorizations
                                    .createAuthorizationQuery()
                                    .resourceType(PROCESS_DEFINITION)
                                    .resourceId(definition.getKey())
                                    .hasPermission(ProcessDefinitionPermissions.READ_TASK)
                                    .count()
                            > 0
                    || !namesCandidateGroups(repository, definition)) {
                continue;
            }
            var deployed = repository.getDeployedProcessDefinition(definition.getId());
            if (deployed instanceof ProcessDefinitionEntity entity) {
                for (String group :
                        staticCandidateGroups(entity.getTaskDefinitions().values())) {
                    grants.add(new String[] {group, definition.getKey()});
                }
            }
        }
        return grants;
    }

    private static boolean namesCandidateGroups(
            org.camunda.bpm.engine.RepositoryService repository, ProcessDefinition definition) {
        try (java.io.InputStream model = repository.getProcessModel(definition.getId())) {
            return new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("candidateGroups");
        } catch (java.io.IOException e) {
            return true;
        }
    }
}

package com.b2bflow.staff;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups, what they may do in the Camunda webapps, and the Tasklist filters that show each
 * staff member their groups' tasks on first sign-in. Idempotent: runs at every start.
 */
@Component
public class StaffIdentitySetup implements SmartInitializingSingleton {

    static final String GROUP_TASKS_FILTER = "My group tasks";
    static final String MY_TASKS_FILTER = "My tasks";
    private static final String[] TASKLIST_COLUMNS = {"organizationName", "applicantName", "registrationId"};

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ObjectProvider<DemoStaff> demoStaff;
    private final ProcessEngine engine;
    private final List<IntegrationProcess> integrationProcesses;

    public StaffIdentitySetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            ObjectProvider<DemoStaff> demoStaff,
            ProcessEngine engine,
            List<IntegrationProcess> integrationProcesses) {
        this.engine = engine;
        this.integrationProcesses = integrationProcesses;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.demoStaff = demoStaff;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            ensureIdentity();
        } catch (RuntimeException concurrentStart) {
            // another node created the same rows at the same moment: everything exists now, check again
            ensureIdentity();
        }
    }

    private void ensureIdentity() {
        StaffGroups.ALL.forEach(this::ensureGroup);
        for (String group : StaffGroups.TASK_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        for (String group : List.of(StaffGroups.SELLER_ADMINS, StaffGroups.SITE_ADMINS)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(group, Resources.TASK, ANY, Permissions.READ);
        }
        grantProcessDesigners();
        revokeBroadIntegrationGrants();
        for (IntegrationProcess process : integrationProcesses) {
            grant(
                    StaffGroups.INTEGRATION,
                    Resources.PROCESS_DEFINITION,
                    process.processKey(),
                    Permissions.READ,
                    Permissions.READ_INSTANCE,
                    Permissions.UPDATE_INSTANCE);
        }
        // candidate groups read the tasks of the processes they work in (CandidateGroupAuthorizations grants this
        // when a definition is deployed; here for definitions deployed before it was in place)
        for (String[] grant : CandidateGroupAuthorizations.readTaskGrants(
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())) {
            grantAdding(grant[0], Resources.PROCESS_DEFINITION, grant[1], ProcessDefinitionPermissions.READ_TASK);
        }
        ensureFilter(
                GROUP_TASKS_FILTER,
                -10,
                "Tasks of your groups, claimed or not",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        ensureFilter(
                MY_TASKS_FILTER,
                -5,
                "Tasks assigned to you",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        demoStaff.ifAvailable(DemoStaff::ensureUsers);
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(StaffGroups.displayName(groupId));
            group.setType(StaffGroups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
            filter.setOwner(null);
            filter.setQuery(query);
            filter.setProperties(
                    Map.of("priority", priority, "description", description, "refresh", true, "variables", columns()));
            filter = filters.saveFilter(filter);
        }
        for (String group : StaffGroups.TASK_WORKERS) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static List<Map<String, String>> columns() {
        return java.util.Arrays.stream(TASKLIST_COLUMNS)
                .map(name -> Map.of(
                        "name",
                        name,
                        "label",
                        switch (name) {
                            case "organizationName" -> "Organization";
                            case "applicantName" -> "Applicant";
                            default -> "Registration";
                        }))
                .toList();
    }

    /**
     * Process designers deploy models (Camunda Modeler's Deploy button posts to /engine-rest/deployment/create),
     * start an instance of what they deployed, watch instances in Cockpit and migrate them to a new version. They get
     * no Tasklist access and no task permission: they change the flow, staff work it.
     */
    private void grantProcessDesigners() {
        String designers = StaffGroups.PROCESS_DESIGNERS;
        grant(designers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(designers, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(
                designers,
                Resources.PROCESS_DEFINITION,
                ANY,
                Permissions.READ,
                Permissions.READ_HISTORY,
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(designers, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
        grant(
                designers,
                Resources.BATCH,
                ANY,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                Permissions.READ);
    }

    /**
     * Earlier versions let the ERP integration read and update every process instance; it only answers the external
     * tasks of {@code erpApprovalRegistration}.
     */
    private void revokeBroadIntegrationGrants() {
        for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE)) {
            authorizations
                    .createAuthorizationQuery()
                    .groupIdIn(StaffGroups.INTEGRATION)
                    .resourceType(resource)
                    .resourceId(ANY)
                    .list()
                    .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                > 0;
        if (!exists) {
            Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions) {
                authorization.addPermission(permission);
            }
            authorizations.saveAuthorization(authorization);
        }
    }

    /** Like {@link #grant}, but adds the permissions to the group's grant on that resource if there is one. */
    private void grantAdding(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing == null) {
            grant(groupId, resource, resourceId, permissions);
            return;
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!existing.isPermissionGranted(permission)) {
                existing.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(existing);
        }
    }
}

package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Staff groups and demo users in Camunda identity, and the Tasklist filters staff see through the engine REST API. */
@IntegrationTest
class StaffIdentityTest {

    private static final Map<String, String> DEMO_USER_GROUPS = Map.of(
            "seller-admin", "seller-admins",
            "account-rep", "account-reps",
            "site-admin", "site-admins",
            "backoffice", "backoffice",
            "csr", "customer-service",
            "erp-integration", "integration",
            "designer", "process-designers");

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    AuthorizationService authorizations;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void staffGroupsExist() {
        assertThat(identity.createGroupQuery().list())
                .extracting(g -> g.getId())
                .contains(
                        "seller-admins",
                        "account-reps",
                        "site-admins",
                        "backoffice",
                        "customer-service",
                        "integration",
                        "camunda-admin",
                        "process-designers");
    }

    @Test
    void eachDemoUserIsInItsGroupAndHasAnEmail() {
        DEMO_USER_GROUPS.forEach((userId, groupId) -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            assertThat(user).as(userId).isNotNull();
            assertThat(user.getEmail()).as(userId + " email").isEqualTo(userId + "@staff.example.com");
            assertThat(identity.createUserQuery()
                            .userId(userId)
                            .memberOfGroup(groupId)
                            .count())
                    .as(userId + " in " + groupId)
                    .isEqualTo(1);
            assertThat(identity.checkPassword(userId, "demo"))
                    .as(userId + " password")
                    .isTrue();
        });
        assertThat(identity.createUserQuery()
                        .userId("admin")
                        .memberOfGroup("camunda-admin")
                        .count())
                .as("admin in camunda-admin")
                .isEqualTo(1);
    }

    @Test
    void staffSeeTheTasklistFilters() throws Exception {
        for (String staff : List.of("seller-admin", "account-rep", "site-admin", "backoffice", "csr")) {
            ResponseEntity<String> response = http.withBasicAuth(staff, "demo")
                    .exchange("/engine-rest/filter", HttpMethod.GET, jsonRequest(), String.class);
            assertThat(response.getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
            assertThat(names(json.readTree(response.getBody())))
                    .as(staff + " sees")
                    .contains("My group tasks", "My tasks");
        }
    }

    @Test
    void aGroupTaskIsListedInTheGroupFilterOfItsCandidateGroup() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String taskName = "Probe task " + suffix;
        BpmnModelInstance model = Bpmn.createExecutableProcess("filterProbe_" + suffix)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Probe")
                .name(taskName)
                .camundaCandidateGroups("account-reps")
                .endEvent()
                .done();
        Deployment deployment = repository
                .createDeployment()
                .name("filterProbe " + suffix)
                .addModelInstance("filterProbe_" + suffix + ".bpmn", model)
                .deploy();
        try {
            runtime.startProcessInstanceByKey("filterProbe_" + suffix, "probe-" + suffix);

            String groupFilterId = filterId("account-rep", "My group tasks");
            assertThat(taskNamesInFilter("account-rep", groupFilterId)).contains(taskName);
            assertThat(taskNamesInFilter("backoffice", groupFilterId)).doesNotContain(taskName);
            assertThat(taskNamesInFilter("account-rep", filterId("account-rep", "My tasks")))
                    .doesNotContain(taskName);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void candidateGroupsWorkOnlyTheirOwnTasksAndSeeOnlyTheProcessesTheyWorkIn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String key = "authProbe_" + suffix;
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("Gateway_Fork")
                .userTask("Task_Account")
                .name("Account " + suffix)
                .camundaCandidateGroups("account-reps")
                .endEvent("EndEvent_Account")
                .moveToNode("Gateway_Fork")
                .userTask("Task_Approve")
                .name("Approve " + suffix)
                .camundaCandidateGroups("seller-admins")
                .endEvent("EndEvent_Approve")
                .done();
        Deployment deployment = repository
                .createDeployment()
                .name(key)
                .addModelInstance(key + ".bpmn", model)
                .deploy();
        try {
            String instance =
                    runtime.startProcessInstanceByKey(key, "probe-" + suffix).getId();
            String account = tasks.createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey("Task_Account")
                    .singleResult()
                    .getId();
            String approve = tasks.createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey("Task_Approve")
                    .singleResult()
                    .getId();

            // the per-task authorization lets the candidate group work the task; reading comes from the definition
            Authorization perTask = authorizations
                    .createAuthorizationQuery()
                    .groupIdIn("account-reps")
                    .resourceType(Resources.TASK)
                    .resourceId(account)
                    .singleResult();
            assertThat(perTask.isPermissionGranted(Permissions.UPDATE)).isTrue();
            assertThat(perTask.isPermissionGranted(Permissions.READ)).isFalse();
            for (String group : List.of("account-reps", "seller-admins")) {
                Authorization definition = authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(group)
                        .resourceType(Resources.PROCESS_DEFINITION)
                        .resourceId(key)
                        .singleResult();
                assertThat(definition.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK))
                        .as(group)
                        .isTrue();
                assertThat(definition.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_TASK))
                        .as(group)
                        .isFalse();
            }

            as("account-rep", "account-reps", () -> {
                assertThat(taskIds(instance)).containsExactlyInAnyOrder(account, approve);
                assertThat(tasks.createTaskQuery()
                                .processInstanceId(instance)
                                .taskCandidateGroup("account-reps")
                                .list())
                        .extracting(Task::getId)
                        .containsExactly(account);
                assertThatThrownBy(() -> tasks.claim(approve, "account-rep"))
                        .isInstanceOf(AuthorizationException.class);
                assertThatThrownBy(() -> tasks.complete(approve)).isInstanceOf(AuthorizationException.class);
                tasks.claim(account, "account-rep");
                tasks.complete(account);
            });
            as("backoffice", "backoffice", () -> {
                assertThat(taskIds(instance)).isEmpty();
                assertThatThrownBy(() -> tasks.complete(approve)).isInstanceOf(AuthorizationException.class);
            });

            // a candidate group the model does not name gets the engine's per-task READ and UPDATE
            tasks.addCandidateGroup(approve, "backoffice");
            as("backoffice", "backoffice", () -> {
                assertThat(taskIds(instance)).containsExactly(approve);
                tasks.complete(approve);
            });
            assertThat(tasks.createTaskQuery().processInstanceId(instance).count())
                    .isZero();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theGroupsOfTheRegistrationProcessesReadTheirTasksThroughTheirDefinitions() {
        Map<String, List<String>> expected = Map.of(
                "orgSelfRegistration", List.of("account-reps", "seller-admins"),
                "resellerRegistration", List.of("site-admins"),
                "shopApprovalRegistration", List.of("backoffice"));
        expected.forEach((key, groups) -> {
            assertThat(authorizations
                            .createAuthorizationQuery()
                            .resourceType(Resources.PROCESS_DEFINITION)
                            .resourceId(key)
                            .hasPermission(ProcessDefinitionPermissions.READ_TASK)
                            .list())
                    .as(key)
                    .extracting(Authorization::getGroupId)
                    .containsExactlyInAnyOrderElementsOf(groups);
        });
    }

    private List<String> taskIds(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getId)
                .toList();
    }

    private void as(String user, String group, Runnable action) {
        identity.setAuthentication(user, List.of(group));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private String filterId(String user, String name) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo")
                .exchange("/engine-rest/filter?name={name}", HttpMethod.GET, jsonRequest(), String.class, name);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode filters = json.readTree(response.getBody());
        assertThat(filters).as("filter " + name).hasSize(1);
        return filters.get(0).get("id").asText();
    }

    private List<String> taskNamesInFilter(String user, String filterId) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo")
                .exchange("/engine-rest/filter/{id}/list", HttpMethod.GET, jsonRequest(), String.class, filterId);
        assertThat(response.getStatusCode())
                .as(user + " lists filter " + filterId)
                .isEqualTo(HttpStatus.OK);
        return names(json.readTree(response.getBody()));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path("name").asText())
                .toList();
    }

    private static HttpEntity<Void> jsonRequest() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new HttpEntity<>(headers);
    }
}

package com.b2bflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A process designer changes a model while registrations run (docs/designer-guide.md, worked example): deploys the
 * one changed file the way Camunda Modeler's Deploy button does, staff then work the new version's tasks with their
 * forms through Tasklist's REST calls, and instances waiting on the old version are migrated and finish on the new.
 */
@IntegrationTest
class ModelChangeTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final String DESIGNER = "designer";
    private static final String PASSWORD = "demo";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    /** Other tests start org registrations too: they get the application's version again. */
    @AfterEach
    void removeModelerDeployments() {
        for (Deployment deployment : repository
                .createDeploymentQuery()
                .deploymentSource("Camunda Modeler")
                .list()) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aModelDeployedAloneFromModelerRunsWithItsForms() throws Exception {
        ResponseEntity<String> deployed = deployFromModeler(DESIGNER, WorkedExample.withNewStep());
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
        String deploymentId = json.readTree(deployed.getBody()).get("id").asText();
        assertThat(repository.getDeploymentResourceNames(deploymentId)).containsExactly(WorkedExample.FILE);
        ProcessDefinition newVersion = latestVersion();
        assertThat(newVersion.getDeploymentId()).isEqualTo(deploymentId);

        String registrationId = submitRegistration();
        ProcessInstance instance = instanceOf(registrationId);
        assertThat(instance.getProcessDefinitionId()).isEqualTo(newVersion.getId());
        Task review = waitingTask(instance, "Task_ReviewRegistration");

        TestRestTemplate sellerAdmin = http.withBasicAuth("seller-admin", PASSWORD);
        JsonNode form = get(sellerAdmin, "/engine-rest/task/" + review.getId() + "/form");
        assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo("reviewRegistration");
        assertThat(form.path("camundaFormRef").path("binding").asText()).isEqualTo("latest");
        JsonNode deployedForm = get(sellerAdmin, "/engine-rest/task/" + review.getId() + "/deployed-form");
        assertThat(deployedForm.path("id").asText()).isEqualTo("reviewRegistration");
        JsonNode values = get(sellerAdmin, "/engine-rest/task/" + review.getId() + "/form-variables");
        assertThat(values.path("organizationName").path("value").asText()).isNotBlank();

        ResponseEntity<String> reviewed =
                submitForm(sellerAdmin, review.getId(), deployedForm, values, Map.of("approved", true));
        assertThat(reviewed.getStatusCode().value()).as(reviewed.getBody()).isEqualTo(204);
        jobs.executeAll();

        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId())
                        .activityId(WorkedExample.NEW_TASK)
                        .finished()
                        .count())
                .as("the new step ran")
                .isEqualTo(1);
        // besides the set-up task's own notice, which every staff task sends
        assertThat(TestSmtp.to(mail, "account-rep@staff.example.com"))
                .filteredOn(m -> TestSmtp.subject(m).startsWith("Reminder:"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(WorkedExample.TASK_NAME));
        waitingTask(instance, "Task_SetUpAccount");
    }

    @Test
    void designersDeployButWorkNoTasksAndSellerStaffMayNotDeploy() throws Exception {
        assertThat(deployFromModeler("seller-admin", WorkedExample.withNewStep())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(deployFromModeler("site-admin", WorkedExample.withNewStep())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentSource("Camunda Modeler")
                        .count())
                .isZero();

        String registrationId = submitRegistration();
        Task review = waitingTask(instanceOf(registrationId), "Task_ReviewRegistration");
        TestRestTemplate designer = http.withBasicAuth(DESIGNER, PASSWORD);
        assertThat(get(designer, "/engine-rest/task?processInstanceId=" + review.getProcessInstanceId()))
                .as("designers see no tasks")
                .isEmpty();
        ResponseEntity<String> claim = designer.postForEntity(
                "/engine-rest/task/" + review.getId() + "/claim",
                jsonEntity("{\"userId\":\"designer\"}"),
                String.class);
        assertThat(claim.getStatusCode().value()).isEqualTo(403);
        assertThat(get(designer, "/engine-rest/process-instance/" + review.getProcessInstanceId())
                        .path("id")
                        .asText())
                .as("designers watch instances (Cockpit)")
                .isEqualTo(review.getProcessInstanceId());
        // what the webapps' sign-in checks (their login resource resolves the engine through Camunda's JVM-wide
        // registry, which another test context's engine may hold in this test JVM: asked of this context's engine)
        List<String> groups = identity.createGroupQuery().groupMember(DESIGNER).list().stream()
                .map(g -> g.getId())
                .toList();
        assertThat(authorizations.isUserAuthorized(
                        DESIGNER, groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .as("Cockpit sign-in")
                .isTrue();
        assertThat(authorizations.isUserAuthorized(
                        DESIGNER, groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .as("Tasklist sign-in")
                .isFalse();
    }

    @Test
    void instancesWaitingAtTheReviewMoveToTheNewVersionAndFinishThere() throws Exception {
        ProcessDefinition oldVersion = latestVersion();
        List<String> registrationIds = List.of(submitRegistration(), submitRegistration());
        List<String> instanceIds = new ArrayList<>();
        List<Map<String, Object>> variablesBefore = new ArrayList<>();
        List<String> reviewTaskIds = new ArrayList<>();
        for (String registrationId : registrationIds) {
            ProcessInstance instance = instanceOf(registrationId);
            assertThat(instance.getProcessDefinitionId()).isEqualTo(oldVersion.getId());
            instanceIds.add(instance.getId());
            reviewTaskIds.add(waitingTask(instance, "Task_ReviewRegistration").getId());
            variablesBefore.add(runtime.getVariables(instance.getId()));
        }

        assertThat(deployFromModeler(DESIGNER, WorkedExample.withNewStep())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ProcessDefinition newVersion = latestVersion();
        assertThat(newVersion.getVersion()).isEqualTo(oldVersion.getVersion() + 1);

        TestRestTemplate designer = http.withBasicAuth(DESIGNER, PASSWORD);
        ResponseEntity<String> plan = designer.postForEntity(
                "/engine-rest/migration/generate",
                jsonEntity(
                        "{\"sourceProcessDefinitionId\":\"" + oldVersion.getId() + "\",\"targetProcessDefinitionId\":\""
                                + newVersion.getId() + "\",\"updateEventTriggers\":true}"),
                String.class);
        assertThat(plan.getStatusCode().value()).as(plan.getBody()).isEqualTo(200);
        ObjectNode execution = json.createObjectNode();
        execution.set("migrationPlan", json.readTree(plan.getBody()));
        execution.set("processInstanceIds", json.valueToTree(instanceIds));
        ResponseEntity<String> migrated = designer.postForEntity(
                "/engine-rest/migration/execute", jsonEntity(execution.toString()), String.class);
        assertThat(migrated.getStatusCode().value()).as(migrated.getBody()).isEqualTo(204);

        TestRestTemplate sellerAdmin = http.withBasicAuth("seller-admin", PASSWORD);
        TestRestTemplate accountRep = http.withBasicAuth("account-rep", PASSWORD);
        // four-eyes: the final approval comes from someone other than the reviewer
        TestRestTemplate approver = http.withBasicAuth("seller-approver", PASSWORD);
        for (int i = 0; i < instanceIds.size(); i++) {
            String instanceId = instanceIds.get(i);
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(instanceId)
                    .singleResult();
            assertThat(instance.getProcessDefinitionId()).isEqualTo(newVersion.getId());
            Map<String, Object> variablesAfter = runtime.getVariables(instanceId);
            assertThat(variablesAfter)
                    .as("variables survive")
                    .containsOnlyKeys(variablesBefore.get(i).keySet());
            // values compared by their text: a Json variable is a new node object each time it is read
            variablesBefore
                    .get(i)
                    .forEach((name, value) ->
                            assertThat(variablesAfter.get(name)).as(name).hasToString(String.valueOf(value)));
            Task review = waitingTask(instance, "Task_ReviewRegistration");
            assertThat(review.getId())
                    .as("the same task, claimed or not, with its history")
                    .isEqualTo(reviewTaskIds.get(i));
            assertThat(review.getProcessDefinitionId()).isEqualTo(newVersion.getId());

            complete(sellerAdmin, review, Map.of("approved", true));
            jobs.executeAll();
            complete(
                    accountRep,
                    waitingTask(instance, "Task_SetUpAccount"),
                    Map.of(
                            "accountName",
                            "Main account",
                            "contractName",
                            "Standard contract",
                            "contractValidFrom",
                            "2026-01-01"));
            jobs.executeAll();
            complete(approver, waitingTask(instance, "Task_ApproveRegistration"), Map.of("approved", true));
            jobs.executeAll();

            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .count())
                    .as("finished")
                    .isZero();
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(instanceId)
                            .activityId(WorkedExample.NEW_TASK)
                            .finished()
                            .count())
                    .as("ran the new step")
                    .isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(instanceId)
                            .activityId("EndEvent_RegistrationApproved")
                            .finished()
                            .count())
                    .isEqualTo(1);
            JsonNode state = get(http, "/api/registrations/" + registrationIds.get(i));
            assertThat(state.path("state").asText()).isEqualTo("APPROVED");
        }
        assertThat(TestSmtp.to(mail, "account-rep@staff.example.com"))
                .filteredOn(m -> TestSmtp.subject(m).startsWith("Reminder:"))
                .hasSize(instanceIds.size());
    }

    private ResponseEntity<String> deployFromModeler(String user, String bpmn) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "org-self-registration");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        parts.add(WorkedExample.FILE, new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return WorkedExample.FILE;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, PASSWORD)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    /** What Tasklist sends: the form's editable fields, each as the form has it unless the staff member changed it. */
    private ResponseEntity<String> submitForm(
            TestRestTemplate user, String taskId, JsonNode deployedForm, JsonNode values, Map<String, Object> entered) {
        ObjectNode variables = json.createObjectNode();
        for (String key : editableKeys(deployedForm)) {
            if (entered.containsKey(key)) {
                variables.set(key, json.valueToTree(Map.of("value", entered.get(key))));
            } else if (values.has(key)) {
                variables.set(key, asTasklistSubmitsIt(taskId, key, values.get(key)));
            }
        }
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        return user.postForEntity(
                "/engine-rest/task/" + taskId + "/submit-form", jsonEntity(body.toString()), String.class);
    }

    /**
     * A Json variable (a checklist's choices) goes back as its JSON text, as Tasklist's Camunda Forms send it; the
     * REST API's form-variables render its value as a bean, so the text is read from the engine.
     */
    private ObjectNode asTasklistSubmitsIt(String taskId, String key, JsonNode variable) {
        ObjectNode copy = variable.deepCopy();
        if ("Json".equals(variable.path("type").asText())) {
            copy.put("value", String.valueOf(tasks.getVariable(taskId, key)));
        }
        return copy;
    }

    private void complete(TestRestTemplate user, Task task, Map<String, Object> entered) throws Exception {
        JsonNode form = get(user, "/engine-rest/task/" + task.getId() + "/deployed-form");
        JsonNode values = get(user, "/engine-rest/task/" + task.getId() + "/form-variables");
        ResponseEntity<String> submitted = submitForm(user, task.getId(), form, values, entered);
        assertThat(submitted.getStatusCode().value())
                .as("%s: %s", task.getTaskDefinitionKey(), submitted.getBody())
                .isEqualTo(204);
    }

    private static List<String> editableKeys(JsonNode container) {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                keys.add(component.get("key").asText());
            }
            keys.addAll(editableKeys(component));
        }
        return keys;
    }

    private String submitRegistration() throws Exception {
        ResponseEntity<String> created = http.postForEntity(
                "/api/registrations/organization",
                jsonEntity(json.writeValueAsString(TestRegistrations.body(TestRegistrations.organization()))),
                String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        jobs.executeAll();
        return json.readTree(created.getBody()).get("id").asText();
    }

    private ProcessInstance instanceOf(String registrationId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(registrationId)
                .singleResult();
    }

    private Task waitingTask(ProcessInstance instance, String taskDefinitionKey) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        assertThat(task)
                .as("%s waits at %s", instance.getId(), taskDefinitionKey)
                .isNotNull();
        return task;
    }

    private ProcessDefinition latestVersion() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(WorkedExample.PROCESS_KEY)
                .latestVersion()
                .singleResult();
    }

    private JsonNode get(TestRestTemplate user, String path) throws Exception {
        ResponseEntity<String> response = user.exchange(path, HttpMethod.GET, null, String.class);
        assertThat(response.getStatusCode().value())
                .as("GET %s: %s", path, response.getBody())
                .isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

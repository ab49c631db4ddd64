package com.b2bflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.buyeradmin.BuyerInvitationProcess;
import com.b2bflow.buyeradmin.SuperuserUserCreationProcess;
import com.b2bflow.cloudsuite.ErpApprovalRegistrationProcess;
import com.b2bflow.cloudsuite.ErpExternalRegistrationProcess;
import com.b2bflow.cloudsuite.ShopApprovalRegistrationProcess;
import com.b2bflow.cloudsuite.ShopRegistrationProcess;
import com.b2bflow.customerservice.CustomerServiceNotificationProcess;
import com.b2bflow.privacy.RegistrationWithdrawalProcess;
import com.b2bflow.registration.BuyerSelfRegistrationProcess;
import com.b2bflow.registration.OrgSelfRegistrationProcess;
import com.b2bflow.registration.ResellerRegistrationProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each model has one contract class, and everything the contract names is in its model: the key, every element id,
 * topic, error code, message and staff group. Renaming something in Modeler without its contract fails here, not in
 * production.
 */
class ProcessContractTest {

    static final List<Class<?>> CONTRACTS = List.of(
            OrgSelfRegistrationProcess.class,
            ResellerRegistrationProcess.class,
            BuyerSelfRegistrationProcess.class,
            ShopRegistrationProcess.class,
            ErpExternalRegistrationProcess.class,
            ErpApprovalRegistrationProcess.class,
            ShopApprovalRegistrationProcess.class,
            SuperuserUserCreationProcess.class,
            RegistrationWithdrawalProcess.class,
            CustomerServiceNotificationProcess.class,
            BuyerInvitationProcess.class);

    static Stream<Class<?>> contracts() {
        return CONTRACTS.stream();
    }

    @Test
    void everyModelHasExactlyOneContract() {
        Map<String, Long> files =
                CONTRACTS.stream().collect(Collectors.groupingBy(c -> constant(c, "FILE"), Collectors.counting()));
        assertThat(files)
                .containsOnlyKeys(
                        ProcessModels.all().stream().map(ProcessModels::file).toArray(String[]::new));
        assertThat(files.values()).containsOnly(1L);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theKeyIsTheModelsProcessId(Class<?> contract) {
        assertThat(model(contract).getModelElementsByType(Process.class))
                .extracting(Process::getId)
                .containsExactly(constant(contract, "KEY"));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyElementIdIsInTheModel(Class<?> contract) {
        BpmnModelInstance model = model(contract);
        for (String id : constants(contract, "Elements")) {
            org.camunda.bpm.model.xml.instance.ModelElementInstance element = model.getModelElementById(id);
            assertThat(element).as("%s in %s", id, constant(contract, "FILE")).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyTopicErrorAndMessageIsInTheModel(Class<?> contract) {
        BpmnModelInstance model = model(contract);
        assertThat(constants(contract, "Topics"))
                .isSubsetOf(values(model, ServiceTask.class, ServiceTask::getCamundaTopic));
        assertThat(constants(contract, "Errors")).isSubsetOf(values(model, Error.class, Error::getErrorCode));
        assertThat(constants(contract, "Messages")).isSubsetOf(values(model, Message.class, Message::getName));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyGroupIsACandidateGroupOrAStepInputOfTheModel(Class<?> contract) {
        BpmnModelInstance model = model(contract);
        Set<String> groups = values(model, UserTask.class, UserTask::getCamundaCandidateGroups).stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .collect(Collectors.toSet());
        groups.addAll(values(model, CamundaInputParameter.class, CamundaInputParameter::getTextContent));
        assertThat(constants(contract, "Groups")).isSubsetOf(groups);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theModelsUserTasksAndServiceTopicsAreAllNamed(Class<?> contract) {
        BpmnModelInstance model = model(contract);
        assertThat(constants(contract, "Elements")).containsAll(values(model, UserTask.class, UserTask::getId));
        assertThat(constants(contract, "Topics"))
                .containsAll(values(model, ServiceTask.class, ServiceTask::getCamundaTopic));
        assertThat(constants(contract, "Errors")).containsAll(values(model, Error.class, Error::getErrorCode));
    }

    /** What a staff form shows or asks for is a variable the contract names, or one the process starts with. */
    @ParameterizedTest
    @MethodSource("contracts")
    void everyFieldOfItsFormsIsAVariableOfTheContract(Class<?> contract) throws Exception {
        Set<String> known = new java.util.HashSet<>(constants(contract, "Variables"));
        known.addAll(com.b2bflow.registration.StartVariables.of(
                        "id",
                        new com.b2bflow.registration.MemberDraft.NewOrganization(
                                1L, "name", null, null, null, null, null, null),
                        new com.b2bflow.registration.MemberDraft.NewUser(
                                "logon",
                                null,
                                null,
                                "Last",
                                "e@example.com",
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                false))
                .asMap()
                .keySet());
        for (UserTask task : model(contract).getModelElementsByType(UserTask.class)) {
            String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (form != null) {
                assertThat(known)
                        .as(task.getId() + ": the fields of form " + form)
                        .containsAll(formFields(form));
            }
        }
    }

    private static List<String> formFields(String formId) throws java.io.IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (java.nio.file.Path file :
                java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("forms"), "*.form")) {
            var root = json.readTree(file.toFile());
            if (formId.equals(root.path("id").asText())) {
                List<String> keys = new java.util.ArrayList<>();
                root.findParents("key").forEach(component -> {
                    if (component.has("type")
                            && !"default".equals(component.path("type").asText())) {
                        keys.add(component.path("key").asText());
                    }
                });
                // a dynamic list (or group) binds its rows to one variable, named by its path
                root.findParents("path")
                        .forEach(list -> keys.add(list.path("path").asText()));
                return keys;
            }
        }
        throw new AssertionError("no form " + formId + " in forms/");
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> Set<String> values(
            BpmnModelInstance model, Class<T> type, Function<T, String> value) {
        return model.getModelElementsByType(type).stream()
                .map(value)
                .filter(v -> v != null && !v.isBlank())
                .collect(Collectors.toSet());
    }

    private static BpmnModelInstance model(Class<?> contract) {
        String file = constant(contract, "FILE");
        return ProcessModels.all().stream()
                .filter(m -> m.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no processes/" + file))
                .model();
    }

    private static String constant(Class<?> type, String name) {
        try {
            return (String) type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " names no " + name, e);
        }
    }

    private static List<String> constants(Class<?> contract, String section) {
        Optional<Class<?>> nested = Arrays.stream(contract.getClasses())
                .filter(c -> c.getSimpleName().equals(section))
                .findFirst();
        return nested.map(c -> Arrays.stream(c.getFields())
                        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                        .map(ProcessContractTest::value)
                        .toList())
                .orElse(List.of());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}

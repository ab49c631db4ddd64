package com.b2bflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.staff.StaffGroups;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a model names must exist in the application, checked without starting it: the beans its expressions call,
 * the forms its user tasks show, the staff groups it routes work to. And what a designer reads in Modeler is in
 * the model itself (documentation on the process and each task), not in XML comments that Modeler drops.
 */
class ProcessModelTest {

    /** {@code ${name...}}: the root identifier of an expression that must be a bean. */
    private static final Pattern EXPRESSION_ROOT = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    static List<ProcessModels> models() {
        return ProcessModels.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyBeanAnExpressionCallsExists(ProcessModels model) {
        List<String> expressions = new ArrayList<>();
        model.model().getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression)
                .filter(e -> e != null)
                .forEach(expressions::add);
        model.model().getModelElementsByType(CamundaTaskListener.class).stream()
                .map(CamundaTaskListener::getCamundaDelegateExpression)
                .filter(e -> e != null)
                .forEach(expressions::add);
        model.model().getModelElementsByType(CamundaExecutionListener.class).stream()
                .map(CamundaExecutionListener::getCamundaDelegateExpression)
                .filter(e -> e != null)
                .forEach(expressions::add);
        model.model().getModelElementsByType(CamundaFailedJobRetryTimeCycle.class).stream()
                .map(CamundaFailedJobRetryTimeCycle::getTextContent)
                .forEach(expressions::add);
        for (TimerEventDefinition timer : model.model().getModelElementsByType(TimerEventDefinition.class)) {
            // a literal ISO 8601 duration (the zero of "Task created") names no bean
            Stream.of(timer.getTimeDuration(), timer.getTimeDate(), timer.getTimeCycle())
                    .filter(e -> e != null)
                    .map(e -> e.getTextContent())
                    .filter(text -> !text.strip().startsWith("P"))
                    .forEach(expressions::add);
        }
        assertThat(expressions).as(model.file()).isNotEmpty();
        Set<String> beans = ApplicationBeanNames.all();
        for (String expression : expressions) {
            Matcher root = EXPRESSION_ROOT.matcher(expression);
            assertThat(root.find())
                    .as("%s: %s names no bean", model.file(), expression)
                    .isTrue();
            assertThat(beans).as("%s: bean of %s", model.file(), expression).contains(root.group(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyUserTaskShowsAFormFromFormsFolderInItsLatestVersion(ProcessModels model) throws IOException {
        Set<String> formIds = formIds();
        for (UserTask task : model.model().getModelElementsByType(UserTask.class)) {
            String id = model.file() + " " + task.getId();
            assertThat(task.getCamundaFormRef()).as("%s: camunda:formRef", id).isNotBlank();
            assertThat(formIds)
                    .as("%s: form %s in forms/", id, task.getCamundaFormRef())
                    .contains(task.getCamundaFormRef());
            // see docs/adr/0008-form-binding.md: a model deployed alone from Modeler finds its forms
            assertThat(task.getCamundaFormRefBinding())
                    .as("%s: camunda:formRefBinding", id)
                    .isEqualTo("latest");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void workGoesOnlyToStaffGroupsTheApplicationCreates(ProcessModels model) {
        for (UserTask task : model.model().getModelElementsByType(UserTask.class)) {
            for (String group : task.getCamundaCandidateGroupsList()) {
                assertThat(StaffGroups.TASK_WORKERS)
                        .as("%s %s: candidate group", model.file(), task.getId())
                        .contains(group);
            }
        }
        for (CamundaInputParameter input : model.model().getModelElementsByType(CamundaInputParameter.class)) {
            if (input.getCamundaName().equals("group") || input.getCamundaName().equals("staffGroup")) {
                assertThat(StaffGroups.ALL)
                        .as("%s: input %s", model.file(), input.getCamundaName())
                        .contains(input.getTextContent().trim());
            }
        }
    }

    /**
     * Hand-offs reach people: every staff task has a "Task created" timer (non-interrupting, zero duration) whose path
     * mails each of its candidate groups through notifyStaff, which links the task (WaitingTasks).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyStaffTaskMailsItsCandidateGroupsALinkWhenItIsCreated(ProcessModels model) {
        for (UserTask task : model.model().getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroupsList().isEmpty()) {
                continue;
            }
            List<String> notified = new ArrayList<>();
            for (BoundaryEvent timer : model.model().getModelElementsByType(BoundaryEvent.class)) {
                boolean created = timer.getAttachedTo() == task
                        && !timer.cancelActivity()
                        && timer.getEventDefinitions().stream()
                                .filter(TimerEventDefinition.class::isInstance)
                                .map(TimerEventDefinition.class::cast)
                                .anyMatch(t -> t.getTimeDuration() != null
                                        && t.getTimeDuration()
                                                .getTextContent()
                                                .strip()
                                                .matches("P(T0+[SMH]|0+D)"));
                if (!created) {
                    continue;
                }
                for (FlowNode next : timer.getSucceedingNodes().list()) {
                    if (next instanceof ServiceTask step
                            && "${notifyStaff}".equals(step.getCamundaDelegateExpression())) {
                        step.getExtensionElements().getElementsQuery().list().stream()
                                .flatMap(e -> e.getChildElementsByType(CamundaInputParameter.class).stream())
                                .filter(input -> input.getCamundaName().equals("staffGroup"))
                                .forEach(input ->
                                        notified.add(input.getTextContent().strip()));
                    }
                }
            }
            assertThat(notified)
                    .as(
                            "%s %s: groups mailed by notifyStaff after its \"Task created\" timer",
                            model.file(), task.getId())
                    .containsExactlyInAnyOrderElementsOf(task.getCamundaCandidateGroupsList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theProcessAndEveryTaskSayWhatTheyDo(ProcessModels model) {
        for (Process process : model.model().getModelElementsByType(Process.class)) {
            assertThat(documented(process))
                    .as("%s: documentation of process %s", model.file(), process.getId())
                    .isTrue();
        }
        List<BaseElement> tasks = new ArrayList<>();
        tasks.addAll(model.model().getModelElementsByType(UserTask.class));
        tasks.addAll(model.model().getModelElementsByType(ServiceTask.class));
        for (BaseElement task : tasks) {
            assertThat(documented(task))
                    .as("%s: documentation of %s", model.file(), task.getId())
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void nothingLivesOnlyInXmlComments(ProcessModels model) throws IOException {
        Resource resource =
                new PathMatchingResourcePatternResolver().getResource("classpath:processes/" + model.file());
        try (InputStream in = resource.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("%s: Modeler drops XML comments on save; use documentation or a text annotation", model.file())
                    .doesNotContain("<!--");
        }
    }

    private static boolean documented(BaseElement element) {
        return element.getDocumentations().stream()
                .map(Documentation::getTextContent)
                .anyMatch(text -> text != null && !text.isBlank());
    }

    static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                ids.add(json.readTree(in).path("id").asText());
            }
        }
        return ids;
    }
}

package com.b2bflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element templates a designer picks from in Camunda Modeler match the product: each calls a bean that exists,
 * and every service task of every model is an application of one of them (same delegate, same inputs). The JSON
 * schema check of the templates runs in CI (.ci/element-templates).
 */
class ElementTemplatesTest {

    static List<ElementTemplates> templates() {
        return ElementTemplates.all();
    }

    static List<ProcessModels> models() {
        return ProcessModels.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void eachTemplateCallsADelegateThatExists(ElementTemplates template) {
        Optional<String> bean = template.delegateBean();
        if (bean.isPresent()) {
            assertThat(ApplicationBeanNames.all())
                    .as("bean of template %s", template)
                    .contains(bean.get());
        } else {
            assertThat(template.attribute("type"))
                    .as("%s: neither a delegate nor an external task", template)
                    .map(ElementTemplates.Property::value)
                    .contains("external");
            assertThat(template.attribute("topic"))
                    .as("%s: external task without a topic", template)
                    .isPresent();
        }
    }

    @Test
    void templateIdsAndVersionsAreUnique() {
        assertThat(templates()).extracting(t -> t.id() + "@" + t.version()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyServiceTaskAppliesItsTemplate(ProcessModels model) {
        Collection<ServiceTask> tasks = model.model().getModelElementsByType(ServiceTask.class);
        for (ServiceTask task : tasks) {
            String id = model.file() + " " + task.getId();
            String templateId = task.getAttributeValueNs(ProcessModels.CAMUNDA_NS, "modelerTemplate");
            String version = task.getAttributeValueNs(ProcessModels.CAMUNDA_NS, "modelerTemplateVersion");
            assertThat(templateId).as("%s: camunda:modelerTemplate", id).isNotBlank();
            ElementTemplates template = templates().stream()
                    .filter(t -> t.id().equals(templateId)
                            && String.valueOf(t.version()).equals(version))
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError(id + ": no element template " + templateId + " version " + version));
            template.properties().stream()
                    .filter(p -> p.type().equals("Hidden") && p.bindingType().equals("property"))
                    .forEach(p -> assertThat(task.getAttributeValueNs(
                                    ProcessModels.CAMUNDA_NS, p.bindingName().substring("camunda:".length())))
                            .as("%s: %s set by template %s", id, p.bindingName(), templateId)
                            .isEqualTo(p.value()));
            assertThat(inputParameters(task))
                    .as("%s: input parameters of template %s", id, templateId)
                    .containsExactlyInAnyOrderElementsOf(template.inputParameters());
            boolean asyncByDefault = template.attribute("asyncBefore")
                    .map(p -> "true".equals(p.value()))
                    .orElse(false);
            if (asyncByDefault) {
                assertThat(task.isCamundaAsyncBefore())
                        .as("%s: a side effect runs asynchronously", id)
                        .isTrue();
                assertThat(task.getExtensionElements()
                                .getElementsQuery()
                                .filterByType(CamundaFailedJobRetryTimeCycle.class)
                                .list())
                        .as("%s: a side effect has a retry cycle", id)
                        .hasSize(1);
            }
        }
    }

    private static List<String> inputParameters(ServiceTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery().list().stream()
                .flatMap(e -> e.getChildElementsByType(CamundaInputParameter.class).stream())
                .map(CamundaInputParameter::getCamundaName)
                .toList();
    }
}

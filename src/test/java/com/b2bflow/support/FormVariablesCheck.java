package com.b2bflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * In process tests, every user task checks when it is created that each field its form only displays (disabled
 * fields, and the variable holding a select's options) is a variable the process has at that point: a model or
 * start-variable change that leaves a staff member an empty field fails the process test that reaches the task.
 * The check records what is missing and {@link Verdict} fails the test afterwards, so that the process itself runs
 * on and the failure names the form and the fields instead of a task that was never created.
 */
@TestConfiguration
public class FormVariablesCheck {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Bean
    AbstractProcessEnginePlugin formVariablesCheckPlugin() {
        Map<String, List<String>> displayedKeys = displayedKeysByForm();
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getCustomPostBPMNParseListeners() == null) {
                    configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
                }
                configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
                    @Override
                    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                        String formRef = element.attributeNS(
                                new org.camunda.bpm.engine.impl.util.xml.Namespace(CAMUNDA_NS), "formRef");
                        if (formRef != null
                                && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                            task.getTaskDefinition()
                                    .addTaskListener(
                                            TaskListener.EVENTNAME_CREATE,
                                            created -> check(created, formRef, displayedKeys));
                        }
                    }
                });
            }
        };
    }

    private static void check(DelegateTask task, String formRef, Map<String, List<String>> displayedKeys) {
        List<String> keys = displayedKeys.get(formRef);
        if (keys == null) {
            VIOLATIONS.add(task.getTaskDefinitionKey() + ": no form " + formRef + " in forms/");
            return;
        }
        List<String> missing =
                keys.stream().filter(key -> !task.hasVariable(key)).toList();
        if (!missing.isEmpty()) {
            VIOLATIONS.add(task.getProcessDefinitionId() + " " + task.getTaskDefinitionKey() + ": form " + formRef
                    + " displays " + missing + ", which the process does not have");
        }
    }

    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

    /** Fails a process test after which a form showed a field the process did not have. */
    public static class Verdict extends AbstractTestExecutionListener {

        @Override
        public void beforeTestMethod(TestContext testContext) {
            VIOLATIONS.clear();
        }

        @Override
        public void afterTestMethod(TestContext testContext) {
            List<String> found = new ArrayList<>(VIOLATIONS);
            VIOLATIONS.clear();
            if (!found.isEmpty()) {
                throw new AssertionError(String.join("\n", found));
            }
        }
    }

    /** Per form id: the keys of its disabled (display-only) fields and the variables its selects take options from. */
    public static Map<String, List<String>> displayedKeysByForm() {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> byForm = new HashMap<>();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    List<String> keys = new ArrayList<>();
                    collect(root, keys);
                    byForm.put(root.path("id").asText(), List.copyOf(keys));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byForm;
    }

    private static void collect(JsonNode container, List<String> keys) {
        for (JsonNode component : container.path("components")) {
            if (component.path("disabled").asBoolean(false) && component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            if (component.hasNonNull("valuesKey")) {
                keys.add(component.get("valuesKey").asText());
            }
            collect(component, keys);
        }
    }
}

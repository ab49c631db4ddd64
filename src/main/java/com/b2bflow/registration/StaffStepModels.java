package com.b2bflow.registration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The steps a registration waits in, read from its deployed model: user tasks, external tasks and receive tasks, each
 * with the timers attached to it that remind ({@code ${slaProperties.reminder}}) and escalate
 * ({@code ${slaProperties.escalation}}). A deployed definition never changes, so each is read once.
 */
@Component
class StaffStepModels {

    /**
     * @param reminderTimerId   the boundary event that reminds, null when there is none
     * @param escalationTimerId the boundary event that escalates, null when there is none
     */
    record StepModel(String name, String candidateGroups, String reminderTimerId, String escalationTimerId) {

        boolean hasSla() {
            return reminderTimerId != null || escalationTimerId != null;
        }
    }

    private final RepositoryService repository;
    private final Map<String, Map<String, StepModel>> byDefinition = new ConcurrentHashMap<>();

    StaffStepModels(RepositoryService repository) {
        this.repository = repository;
    }

    /** The waiting steps of one deployed definition by activity id. */
    Map<String, StepModel> steps(String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId, id -> read(repository.getBpmnModelInstance(id)));
    }

    /** The waiting steps of the latest models of every registration flow: activity id to name, in flow order. */
    Map<String, String> stepNames() {
        String[] keys = Arrays.stream(RegistrationFlow.values())
                .map(RegistrationFlow::processKey)
                .toArray(String[]::new);
        Map<String, ProcessDefinition> latest = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().processDefinitionKeyIn(keys).latestVersion().list().stream()
                .forEach(definition -> latest.put(definition.getKey(), definition));
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : keys) {
            ProcessDefinition definition = latest.get(key);
            if (definition != null) {
                steps(definition.getId()).forEach((id, step) -> names.putIfAbsent(id, step.name()));
            }
        }
        return names;
    }

    private static Map<String, StepModel> read(BpmnModelInstance model) {
        Map<String, String[]> timers = new LinkedHashMap<>();
        for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
            String[] pair = timers.computeIfAbsent(boundary.getAttachedTo().getId(), id -> new String[2]);
            boundary.getEventDefinitions().stream()
                    .filter(TimerEventDefinition.class::isInstance)
                    .map(TimerEventDefinition.class::cast)
                    .map(timer -> timer.getTimeDuration() == null
                            ? ""
                            : timer.getTimeDuration().getTextContent())
                    .forEach(duration -> {
                        if (duration.contains("slaProperties.reminder")) {
                            pair[0] = boundary.getId();
                        } else if (duration.contains("slaProperties.escalation")) {
                            pair[1] = boundary.getId();
                        }
                    });
        }
        Map<String, StepModel> steps = new LinkedHashMap<>();
        for (Activity activity : model.getModelElementsByType(Activity.class)) {
            String groups = null;
            if (activity instanceof UserTask task) {
                groups = task.getCamundaCandidateGroups();
            } else if (!(activity instanceof ReceiveTask)
                    && !(activity instanceof ServiceTask service && "external".equals(service.getCamundaType()))) {
                continue;
            }
            String[] pair = timers.getOrDefault(activity.getId(), new String[2]);
            steps.put(activity.getId(), new StepModel(activity.getName(), groups, pair[0], pair[1]));
        }
        return java.util.Collections.unmodifiableMap(steps);
    }
}

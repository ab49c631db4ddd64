package com.b2bflow.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.core.io.ClassPathResource;

/**
 * The change docs/designer-guide.md walks through, made the way Modeler makes it: in
 * {@code org-self-registration.bpmn}, once the review has passed, the account representatives are told that an
 * account waits for them (the element template "Remind a staff group of a waiting task", group
 * {@code account-reps}), before {@code Task_SetUpAccount}. Tests deploy the result as a new version.
 */
final class WorkedExample {

    static final String FILE = "org-self-registration.bpmn";
    static final String PROCESS_KEY = "orgSelfRegistration";
    static final String NEW_TASK = "Task_TellAccountReps";
    static final String TASK_NAME = "Set up account and contract";

    private WorkedExample() {}

    /** The model as the application deploys it (version N). */
    static BpmnModelInstance current() {
        try (InputStream in = new ClassPathResource("processes/" + FILE).getInputStream()) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version N+1: the current model with the new step between the passed review and the account set-up. */
    static String withNewStep() {
        BpmnModelInstance model = current();
        SequenceFlow intoSetUp = model.getModelElementById("Flow_ReviewApproved_Yes");
        FlowNode setUp = model.getModelElementById("Task_SetUpAccount");
        Process process = (Process) setUp.getParentElement();

        ServiceTask tell = model.newInstance(ServiceTask.class);
        tell.setId(NEW_TASK);
        tell.setName("Tell account reps a set-up waits");
        tell.setCamundaDelegateExpression("${sendTaskReminder}");
        tell.setCamundaAsyncBefore(true);
        tell.setAttributeValueNs(ProcessModels.CAMUNDA_NS, "modelerTemplate", "b2bflow.sendTaskReminder");
        tell.setAttributeValueNs(ProcessModels.CAMUNDA_NS, "modelerTemplateVersion", "1");
        Documentation documentation = model.newInstance(Documentation.class);
        documentation.setTextContent("Mails the account representatives that an approved organization waits for its "
                + "account and contract, so that they need not watch Tasklist.");
        tell.getDocumentations().add(documentation);
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaInputOutput inputs = model.newInstance(CamundaInputOutput.class);
        inputs.getCamundaInputParameters().add(input(model, "group", "account-reps"));
        inputs.getCamundaInputParameters().add(input(model, "taskName", TASK_NAME));
        extensions.addChildElement(inputs);
        CamundaFailedJobRetryTimeCycle retries = model.newInstance(CamundaFailedJobRetryTimeCycle.class);
        retries.setTextContent("${notificationProperties.retryCycle}");
        extensions.addChildElement(retries);
        tell.setExtensionElements(extensions);
        process.addChildElement(tell);

        SequenceFlow onward = model.newInstance(SequenceFlow.class);
        onward.setId("Flow_TellAccountReps_SetUpAccount");
        process.addChildElement(onward);
        onward.setSource(tell);
        onward.setTarget(setUp);
        tell.getOutgoing().add(onward);
        setUp.getIncoming().remove(intoSetUp);
        setUp.getIncoming().add(onward);
        intoSetUp.setTarget(tell);
        tell.getIncoming().add(intoSetUp);

        Lane automated = model.getModelElementById("Lane_RegistrationService");
        if (automated != null) {
            automated.getFlowNodeRefs().add(tell);
        }
        Bpmn.validateModel(model);
        return Bpmn.convertToString(model);
    }

    private static CamundaInputParameter input(BpmnModelInstance model, String name, String value) {
        CamundaInputParameter parameter = model.newInstance(CamundaInputParameter.class);
        parameter.setCamundaName(name);
        parameter.setTextContent(value);
        return parameter;
    }
}

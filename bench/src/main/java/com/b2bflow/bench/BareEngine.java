package com.b2bflow.bench;

import com.b2bflow.system.LeanHistoryLevel;
import com.b2bflow.system.LeanHistoryLevelRegistration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * A bare Camunda 7 engine (no Spring, no application) on its own database of the same kind, running a model with
 * the shape of orgSelfRegistration: two async notifications, a gateway, three user tasks each with two
 * non-interrupting SLA timers leading to async notifications, an account service task, gateways that merge, the
 * activation and an async approval notification. Every delegate and listener does nothing; the approval
 * notification counts, so the benchmark knows when a lifecycle ended at the same point the application's mail is
 * accepted.
 */
final class BareEngine implements AutoCloseable {

    static final String PROCESS_KEY = "bareOrgSelfRegistration";
    static final String RETRY = "R10/PT1M";

    final ProcessEngine engine;
    final AtomicLong approvalsNotified = new AtomicLong();
    private final HikariDataSource dataSource;

    BareEngine(String jdbcUrl, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(20);
        pool.setAutoCommit(false);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true"); // as the application's postgres profile
        }
        dataSource = new HikariDataSource(pool);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // the application's history level, so both sides write the same kinds of history rows
        LeanHistoryLevelRegistration.register(configuration);
        configuration.setHistory(LeanHistoryLevel.NAME);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setAuthorizationEnabled(true);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        // the job executor's defaults, as the application ships them (wait 5 s, at most 60 s when idle; new jobs of
        // this engine hint it at once)
        configuration.setJobExecutor(new DefaultJobExecutor());
        configuration.setJobExecutorActivate(true);
        JavaDelegate noop = execution -> {};
        TaskListener noopListener = (DelegateTask task) -> {};
        JavaDelegate notified = (DelegateExecution execution) -> approvalsNotified.incrementAndGet();
        configuration.setBeans(Map.of("noop", noop, "noopListener", noopListener, "approvalNotified", notified));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .name("bare")
                .addModelInstance(PROCESS_KEY + ".bpmn", model())
                .deploy();
    }

    /** The shape of processes/org-self-registration.bpmn with no-op delegates. */
    static BpmnModelInstance model() {
        var builder = Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(180)
                .startEvent("StartEvent_RegistrationSubmitted")
                .serviceTask("Task_NotifySellerAdmins")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaDelegateExpression("${noop}")
                .serviceTask("Task_ConfirmSubmission")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaDelegateExpression("${noop}")
                .exclusiveGateway("Gateway_ApprovalRequired")
                .condition("yes", "${approvalRequired}");
        var review = staffTask(builder.userTask("Task_ReviewRegistration"), "seller-admins", "Review", true);
        var setUp = staffTask(
                review.exclusiveGateway("Gateway_ReviewApproved")
                        .condition("yes", "${approved}")
                        .userTask("Task_SetUpAccount"),
                "account-reps",
                "SetUpAccount",
                false);
        var approve = staffTask(
                setUp.serviceTask("Task_CreateAccount")
                        .camundaDelegateExpression("${noop}")
                        .userTask("Task_ApproveRegistration"),
                "seller-admins",
                "Approve",
                false);
        return approve.exclusiveGateway("Gateway_FinalApproved")
                .condition("approved", "${approved}")
                .exclusiveGateway("Gateway_MergeActivation")
                .serviceTask("Task_ActivateRegistration")
                .camundaDelegateExpression("${noop}")
                .serviceTask("Task_NotifyApproval")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaDelegateExpression("${approvalNotified}")
                .endEvent("EndEvent_RegistrationApproved")
                .moveToNode("Gateway_ApprovalRequired")
                .condition("no", "${!approvalRequired}")
                .connectTo("Gateway_MergeActivation")
                .moveToNode("Gateway_ReviewApproved")
                .condition("no", "${!approved}")
                .exclusiveGateway("Gateway_MergeRejection")
                .serviceTask("Task_RejectRegistration")
                .camundaDelegateExpression("${noop}")
                .serviceTask("Task_NotifyRejection")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaDelegateExpression("${noop}")
                .endEvent("EndEvent_RegistrationRejected")
                .moveToNode("Gateway_FinalApproved")
                .condition("rejected", "${!approved}")
                .connectTo("Gateway_MergeRejection")
                .done();
    }

    /**
     * A staff user task with its listeners, the group's mail as soon as it exists, and its two SLA timers (reminder,
     * escalation), as in the model.
     */
    private static UserTaskBuilder staffTask(UserTaskBuilder task, String group, String name, boolean prepare) {
        String id = task.getElement().getId();
        if (prepare) {
            task.camundaTaskListenerDelegateExpression("create", "${noopListener}");
        }
        task.camundaCandidateGroups(group).camundaTaskListenerDelegateExpression("complete", "${noopListener}");
        // the group's "new task" mail: a branch beside the task, fired at once (as the product's model since issue 16)
        task.boundaryEvent("Timer_" + name + "Created")
                .cancelActivity(false)
                .timerWithDuration("PT0S")
                .serviceTask("Task_Notify" + name + "Group")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaInputParameter("staffGroup", group)
                .camundaDelegateExpression("${noop}")
                .endEvent("EndEvent_" + name + "GroupNotified");
        task.boundaryEvent("Timer_" + name + "Reminder")
                .cancelActivity(false)
                .timerWithDuration("P2D")
                .serviceTask("Task_Remind" + name)
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaInputParameter("group", group)
                .camundaDelegateExpression("${noop}")
                .endEvent("EndEvent_" + name + "Reminded");
        task.boundaryEvent("Timer_" + name + "Escalation")
                .cancelActivity(false)
                .timerWithDuration("P5D")
                .serviceTask("Task_Escalate" + name)
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle(RETRY)
                .camundaInputParameter("group", group)
                .camundaDelegateExpression("${noop}")
                .endEvent("EndEvent_" + name + "Escalated");
        return task;
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}

package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.storefront.MyAccountService;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** erpApprovalRegistration: the ERP fetches the external task and answers with a customer number or a rejection. */
@ProcessTest
class ErpApprovalRegistrationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    static final String TOPIC = "erp-registration";
    static final String WORKER = "erp-test-worker";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ExternalTaskService externalTasks;

    @Autowired
    ManagementService management;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    UserRepository users;

    @Autowired
    RoleAssignmentRepository roles;

    @Autowired
    RegistrationParents parents;

    @Autowired
    MyAccountService myAccount;

    @Autowired
    JobDriver jobs;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void init() throws Exception {
        AbstractAssertions.init(engine);
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theErpApprovesWithANewCustomerNumberAndTheUserMaySignIn() {
        RegistrationRequest request = CloudSuiteRequests.company();
        ProcessInstance instance = submit(request);
        assertThat(instance).isWaitingAt("Task_NotifyBackoffice");
        jobs.executeAll();
        assertThat(instance)
                .hasPassed("Task_NotifyBackoffice", "Task_ConfirmSubmission")
                .isWaitingAt("Task_RequestErpApproval");
        assertThat(TestSmtp.to(mail, "backoffice@staff.example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(request.organization().name(), "ERP integration"));
        assertThat(TestSmtp.to(mail, request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(instance.getBusinessKey(), "our ERP system"));
        transactions.executeWithoutResult(status -> {
            var user = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.PENDING);
            assertThat(user.isEnabled()).isFalse();
            assertThat(user.getOrganization().getId())
                    .isEqualTo(parents.parentIdFor(com.b2bflow.registration.RegistrationType.ErpApprovalRegistration));
        });

        LockedExternalTask task = fetch(instance);
        assertThat(task.getPriority()).isEqualTo(50);
        assertThat(task.getVariables())
                .containsEntry("organizationName", request.organization().name())
                .containsEntry("taxId", request.organization().taxId())
                .containsEntry("applicantEmail", request.user().email())
                .containsEntry("city", "Amsterdam")
                .containsEntry("registrationId", instance.getBusinessKey());
        assertThat(task.getVariables().values())
                .noneMatch(v -> String.valueOf(v).contains(TestRegistrations.PASSWORD));

        assertThatThrownBy(() -> externalTasks.complete(task.getId(), WORKER, Map.of()))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("erpCustomerNumber");
        assertThat(instance).isWaitingAt("Task_RequestErpApproval");

        String number = "ERP-" + TestRegistrations.unique("n");
        externalTasks.complete(task.getId(), WORKER, Map.of("erpCustomerNumber", number));
        assertThat(instance).hasPassed("Task_LinkErpCustomer").isWaitingAt("Task_NotifyApproval");
        jobs.executeAll();
        assertThat(instance)
                .isEnded()
                .hasPassed("EndEvent_RegistrationApproved")
                .hasNotPassed("Task_SendActivationEmail");
        assertThat(TestSmtp.to(mail, request.user().email()))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("approved", "http://shop.test/store/login"));

        transactions.executeWithoutResult(status -> {
            var user = users.findByLogonId(request.user().logonId()).orElseThrow();
            Organization customer = user.getOrganization();
            assertThat(customer.getErpCustomerNumber()).isEqualTo(number);
            assertThat(customer.getName()).isEqualTo(request.organization().name());
            assertThat(customer.getTaxId()).isEqualTo(request.organization().taxId());
            assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(user.isEnabled()).isTrue();
            assertThat(roles.findByUser(user))
                    .extracting(RoleAssignment::getRole)
                    .containsExactlyInAnyOrder("Customer Superuser", "Buyer");
            assertThat(myAccount.of(user.getId()).mayOrder()).isTrue();
            Registration registration =
                    registrations.findById(instance.getBusinessKey()).orElseThrow();
            assertThat(registration.getState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(registration.getOrganization().getId()).isEqualTo(customer.getId());
            assertThat(registration.getDecidedBy()).isEqualTo("erp");
        });

        assertThatThrownBy(() -> externalTasks.complete(task.getId(), WORKER, Map.of("erpCustomerNumber", number)))
                .as("an answer for a registration that no longer waits")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theErpNamesAnExistingCustomerAndAsksForAnActivationEmail() {
        String number = "ERP-" + TestRegistrations.unique("known");
        Organization existing = transactions.execute(status -> {
            Organization org = new Organization(
                    TestRegistrations.unique("Known Customer"),
                    organizations.getReferenceById(RegistrationParents.ROOT_ORGANIZATION_ID),
                    OrganizationType.O,
                    ApprovalState.APPROVED);
            org.setErpCustomerNumber(number);
            return organizations.save(org);
        });
        RegistrationRequest request = CloudSuiteRequests.company();
        ProcessInstance instance = submit(request);
        jobs.executeAll();
        externalTasks.complete(
                fetch(instance).getId(), WORKER, Map.of("erpCustomerNumber", number, "sendActivationEmail", true));
        assertThat(instance).hasPassed("Task_LinkErpCustomer").isWaitingAt("Task_SendActivationEmail");
        assertThat(runtime.getVariable(instance.getId(), "sendActivationEmail"))
                .as("would hide the bean")
                .isNull();
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_ActivationSent").hasNotPassed("Task_NotifyApproval");
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("http://shop.test/store/activate?token="));
        transactions.executeWithoutResult(
                status -> assertThat(users.findByLogonId(request.user().logonId())
                                .orElseThrow()
                                .getOrganization()
                                .getId())
                        .isEqualTo(existing.getId()));
    }

    @Test
    void aCustomerNumberOfAnOrganizationThatIsNotApprovedIsRefused() {
        String number = "ERP-" + TestRegistrations.unique("pending");
        transactions.executeWithoutResult(status -> {
            Organization org = new Organization(
                    TestRegistrations.unique("Pending Org"),
                    organizations.getReferenceById(RegistrationParents.ROOT_ORGANIZATION_ID),
                    OrganizationType.O,
                    ApprovalState.PENDING);
            org.setErpCustomerNumber(number);
            organizations.save(org);
        });
        ProcessInstance instance = submit(CloudSuiteRequests.company());
        jobs.executeAll();
        LockedExternalTask task = fetch(instance);
        assertThatThrownBy(() -> externalTasks.complete(task.getId(), WORKER, Map.of("erpCustomerNumber", number)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("not an approved customer");
        assertThat(instance).isWaitingAt("Task_RequestErpApproval");
    }

    @Test
    void theErpRejectsWithAReasonAndTheApplicantIsTold() {
        RegistrationRequest request = CloudSuiteRequests.company();
        ProcessInstance instance = submit(request);
        jobs.executeAll();
        externalTasks.handleBpmnError(
                fetch(instance).getId(),
                WORKER,
                "ERP_REJECTED",
                "credit check",
                Map.of("rejectionReason", "Unknown VAT number"));
        assertThat(instance)
                .hasPassed("BoundaryEvent_ErpRejected", "Task_RejectRegistration")
                .hasNotPassed("BoundaryEvent_OtherErpError")
                .isWaitingAt("Task_NotifyRejection");
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationRejected");
        assertThat(TestSmtp.to(mail, request.user().email())).last().satisfies(m -> {
            assertThat(TestSmtp.subject(m)).contains("was not approved");
            assertThat(TestSmtp.text(m)).contains("Unknown VAT number");
        });
        transactions.executeWithoutResult(status -> {
            var user = users.findByLogonIdOrReleased(request.user().logonId()).orElseThrow();
            assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(user.isEnabled()).isFalse();
            Registration registration =
                    registrations.findById(instance.getBusinessKey()).orElseThrow();
            assertThat(registration.getState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(registration.getDecisionReason()).isEqualTo("Unknown VAT number");
            assertThat(registration.getOrganization()).isNull();
        });
    }

    @Test
    void withoutRejectionReasonTheErrorMessageIsTheReason() {
        ProcessInstance instance = submit(CloudSuiteRequests.company());
        jobs.executeAll();
        externalTasks.handleBpmnError(
                fetch(instance).getId(), WORKER, "ERP_REJECTED", "Customer is blocked in the ERP");
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationRejected");
        assertThat(registrations
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getDecisionReason())
                .isEqualTo("Customer is blocked in the ERP");
    }

    @Test
    void anUnknownErrorCodeIsReportedAndTheRegistrationWaitsForTheErpAgain() {
        ProcessInstance instance = submit(CloudSuiteRequests.company());
        jobs.executeAll();
        LockedExternalTask first = fetch(instance);
        externalTasks.handleBpmnError(first.getId(), WORKER, "ERP_DOWN", "maintenance window");
        assertThat(instance).hasPassed("BoundaryEvent_OtherErpError").isWaitingAt("Task_ReportUnexpectedAnswer");
        jobs.executeAll();
        assertThat(instance).hasPassed("Task_ReportUnexpectedAnswer").isWaitingAt("Task_RequestErpApproval");
        assertThat(TestSmtp.to(mail, "site-admin@staff.example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("ERP_DOWN", "maintenance window"));
        LockedExternalTask second = fetch(instance);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(registrations
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getState())
                .isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void anOverdueErpAnswerIsEscalatedToSiteAdmins() {
        ProcessInstance instance = submit(CloudSuiteRequests.company());
        jobs.executeAll();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_ErpEscalation")
                .singleResult()
                .getId());
        jobs.executeAll();
        assertThat(instance)
                .hasPassed("Task_EscalateErpApproval", "EndEvent_ErpEscalated")
                .isWaitingAt("Task_RequestErpApproval");
        assertThat(TestSmtp.to(mail, "site-admin@staff.example.com"))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.startsWith("Escalation:"));
    }

    private ProcessInstance submit(RegistrationRequest request) {
        SubmittedRegistration submitted = submitters.submit(RegistrationFlow.ERP_APPROVAL, request);
        assertThat(submitted.state()).isEqualTo(ApprovalState.PENDING);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
    }

    private LockedExternalTask fetch(ProcessInstance instance) {
        List<LockedExternalTask> locked = externalTasks
                .fetchAndLock(10, WORKER)
                .topic(TOPIC, 60_000)
                .businessKey(instance.getBusinessKey())
                .execute();
        assertThat(locked).hasSize(1);
        return locked.get(0);
    }
}

package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import com.b2bflow.registration.RegistrationType;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.storefront.MyAccountService;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** shopApprovalRegistration: the back office links the user to an existing customer, or rejects. */
@ProcessTest
class ShopApprovalRegistrationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

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
    void theBackOfficePicksAMatchingCustomerAndTheUserMayOrder() {
        // an existing shop customer, and a registration for it with the same tax id
        RegistrationRequest customerRequest = CloudSuiteRequests.company();
        submitters.submit(RegistrationFlow.SHOP, customerRequest);
        long customerId = organizationOf(customerRequest.user().logonId());
        RegistrationRequest request = CloudSuiteRequests.company(
                "Other spelling Ltd", customerRequest.organization().taxId(), null);

        ProcessInstance instance = submit(request);
        jobs.executeAll();
        assertThat(instance)
                .hasPassed(
                        "Task_ConfirmSubmission",
                        "Timer_LinkCreated",
                        "Task_NotifyBackoffice",
                        "EndEvent_BackofficeNotified")
                .isWaitingAt("Task_LinkUserToCustomer");
        assertThat(task(instance)).hasCandidateGroup("backoffice");
        String link = task(instance).getId();
        assertThat(TestSmtp.to(mail, "backoffice@staff.example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("Other spelling Ltd", taskLink(link)));
        assertThat(TestSmtp.to(mail, request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("our back office"));
        assertThat((String) runtime.getVariable(instance.getId(), "matchingCustomers"))
                .contains(customerRequest.organization().name(), "id " + customerId, "same tax id");
        SpinJsonNode options = (SpinJsonNode) runtime.getVariable(instance.getId(), "customerOptions");
        assertThat(options.elements())
                .anySatisfy(
                        option -> assertThat(option.prop("value").stringValue()).isEqualTo(String.valueOf(customerId)));

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", true)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("customerId");
        long pending = pendingOrganization();
        assertThatThrownBy(() -> complete(
                        task(instance), withVariables("approved", true, "customerId", String.valueOf(pending))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("is not approved (Pending approval)");
        long holding = parents.parentIdFor(RegistrationType.ShopApprovalRegistration);
        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", true, "customerId", holding)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("not a customer");
        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", true, "customerId", "999999")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("no customer");
        assertThat(instance).isWaitingAt("Task_LinkUserToCustomer");

        complete(task(instance), withVariables("approved", true, "customerId", String.valueOf(customerId)));
        assertThat(instance).hasPassed("Task_LinkUser").isWaitingAt("Task_NotifyApproval");
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationApproved");
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(customerRequest.organization().name(), "http://shop.test/store/login"));
        transactions.executeWithoutResult(status -> {
            var user = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(user.getOrganization().getId()).isEqualTo(customerId);
            assertThat(user.isEnabled()).isTrue();
            assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(roles.findByUser(user))
                    .extracting(RoleAssignment::getRole)
                    .containsExactly("Buyer");
            assertThat(myAccount.of(user.getId()).mayOrder()).isTrue();
            Registration registration =
                    registrations.findById(instance.getBusinessKey()).orElseThrow();
            assertThat(registration.getOrganization().getId()).isEqualTo(customerId);
            assertThat(registration.getDecidedBy()).isNotBlank();
        });
    }

    @Test
    void anotherCustomerIdCanBeTypedIn() {
        RegistrationRequest customerRequest = CloudSuiteRequests.company();
        submitters.submit(RegistrationFlow.SHOP, customerRequest);
        long customerId = organizationOf(customerRequest.user().logonId());
        RegistrationRequest request = CloudSuiteRequests.company();
        ProcessInstance instance = submit(request);
        jobs.executeAll();
        assertThat((String) runtime.getVariable(instance.getId(), "matchingCustomers"))
                .startsWith("No existing customer");
        complete(task(instance), withVariables("approved", true, "customerId", null, "otherCustomerId", customerId));
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationApproved");
        assertThat(organizationOf(request.user().logonId())).isEqualTo(customerId);
    }

    @Test
    void theBackOfficeRejectsWithAReason() {
        RegistrationRequest request = CloudSuiteRequests.company();
        ProcessInstance instance = submit(request);
        jobs.executeAll();
        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("rejectionReason");
        complete(task(instance), withVariables("approved", false, "rejectionReason", "Not a customer of ours"));
        assertThat(instance).hasPassed("Task_RejectRegistration").isWaitingAt("Task_NotifyRejection");
        jobs.executeAll();
        assertThat(instance)
                .isEnded()
                .hasPassed("EndEvent_RegistrationRejected")
                .hasNotPassed("Task_LinkUser");
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                "Not a customer of ours",
                                "http://shop.test/store/register/shop-approval?correct=" + instance.getBusinessKey()));
        long userId = transactions.execute(status -> {
            var user = users.findByLogonIdOrReleased(request.user().logonId()).orElseThrow();
            assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(user.getOrganization().getId())
                    .isEqualTo(parents.parentIdFor(RegistrationType.ShopApprovalRegistration));
            return user.getId();
        });

        // corrected once: the same user waits again, under a new registration
        RegistrationRequest correction = new RegistrationRequest(
                request.organization(), request.user(), request.address(), instance.getBusinessKey());
        ProcessInstance corrected = submit(correction);
        jobs.executeAll();
        assertThat(corrected).isWaitingAt("Task_LinkUserToCustomer");
        transactions.executeWithoutResult(status -> {
            var user = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(user.getId()).isEqualTo(userId);
            assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.PENDING);
            assertThat(registrations
                            .findById(corrected.getBusinessKey())
                            .orElseThrow()
                            .getPreviousRegistration()
                            .getId())
                    .isEqualTo(instance.getBusinessKey());
        });
        assertThatThrownBy(() -> submitters.submit(RegistrationFlow.SHOP_APPROVAL, correction))
                .isInstanceOf(com.b2bflow.shared.RegistrationConflictException.class);
    }

    @Test
    void theBackOfficeIsRemindedAndSiteAdminsAreToldWhenTheTaskWaits() {
        ProcessInstance instance = submit(CloudSuiteRequests.company());
        jobs.executeAll();
        for (String timer : new String[] {"Timer_LinkReminder", "Timer_LinkEscalation"}) {
            management.executeJob(management
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .activityId(timer)
                    .singleResult()
                    .getId());
        }
        jobs.executeAll();
        assertThat(instance)
                .hasPassed(
                        "Task_RemindBackoffice", "EndEvent_LinkReminded", "Task_EscalateLink", "EndEvent_LinkEscalated")
                .isWaitingAt("Task_LinkUserToCustomer");
        String link = task(instance).getId();
        assertThat(TestSmtp.to(mail, "backoffice@staff.example.com"))
                .filteredOn(m -> TestSmtp.subject(m).startsWith("Reminder:"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(taskLink(link)));
        assertThat(TestSmtp.to(mail, "site-admin@staff.example.com"))
                .filteredOn(m -> TestSmtp.subject(m).startsWith("Escalation:"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(taskLink(link)));
        assertThat(task(instance)).hasCandidateGroup("backoffice").hasCandidateGroup("site-admins");
    }

    private static String taskLink(String taskId) {
        return "http://shop.test/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private ProcessInstance submit(RegistrationRequest request) {
        SubmittedRegistration submitted = submitters.submit(RegistrationFlow.SHOP_APPROVAL, request);
        assertThat(submitted.state()).isEqualTo(ApprovalState.PENDING);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
    }

    private long organizationOf(String logonId) {
        return transactions.execute(status ->
                users.findByLogonId(logonId).orElseThrow().getOrganization().getId());
    }

    private long pendingOrganization() {
        return transactions.execute(status -> organizations
                .save(new Organization(
                        TestRegistrations.unique("Pending"),
                        organizations.getReferenceById(RegistrationParents.ROOT_ORGANIZATION_ID),
                        OrganizationType.O,
                        ApprovalState.PENDING))
                .getId());
    }
}

package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.b2bflow.approval.ApprovalForbiddenException;
import com.b2bflow.approval.BuyerApprovals;
import com.b2bflow.approval.Decision;
import com.b2bflow.approval.PendingApproval;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of buyerSelfRegistration with the real delegates, database and SMTP server. The organizations are
 * fixtures (no other flow runs here, so coverage is this model's alone); the decisions go through
 * {@link BuyerApprovals}, as the storefront's do.
 */
@ProcessTest
class BuyerSelfRegistrationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    BuyerRegistrationService registrations;

    @Autowired
    RegistrationRepository registrationRepository;

    @Autowired
    BuyerApprovals approvals;

    @Autowired
    TestMembers members;

    @Autowired
    UserRepository users;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    RoleAssignmentRepository roles;

    @Autowired
    JobDriver jobs;

    @Autowired
    TransactionTemplate transactions;

    Organization organization;
    User approver;
    User admin;

    @BeforeEach
    void init() throws Exception {
        AbstractAssertions.init(engine);
        mail.purgeEmailFromAllMailboxes();
        organization = members.buyerOrganization();
        admin = members.user(organization, "Buyer Administrator");
        approver = members.user(organization, "Buyer Approver");
        members.approvers(organization, approver);
    }

    @Test
    void theOrganizationsApproverApproves() {
        RegistrationRequest request = TestRegistrations.buyer(organization.getName());
        ProcessInstance instance = submit(request);
        assertThat(instance).hasPassed("Task_ResolveApprovers").isWaitingAt("Task_NotifyApprovers");
        assertThat(runtime.getVariable(instance.getId(), "approversFound")).isEqualTo(true);
        User buyer = users.findByLogonId(request.user().logonId()).orElseThrow();
        assertThat(buyer.getRegistrationState()).isEqualTo(ApprovalState.PENDING);
        assertThat(buyer.isEnabled()).isFalse();
        jobs.executeAll();

        assertThat(instance)
                .hasPassed("Task_NotifyApprovers", "Task_ConfirmSubmission")
                .isWaitingAt("Task_ApproveBuyer");
        assertThat(task(instance).getAssignee()).isNull();
        assertThat(mailTo(approver.getEmail()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                request.user().logonId(),
                                organization.getName(),
                                "http://shop.test/store/account/approvals"));
        assertThat(mailTo(admin.getEmail())).as("only the approvers are mailed").isEmpty();
        assertThat(mailTo(request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(instance.getBusinessKey(), "approvers"));
        assertThat(approvals.pendingFor(approver.getId()))
                .extracting(PendingApproval::id)
                .contains(instance.getBusinessKey());

        SubmittedRegistration decided =
                approvals.decide(instance.getBusinessKey(), approver.getId(), new Decision(true, null));
        assertThat(decided.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(instance).isWaitingAt("Task_NotifyApproval");
        jobs.executeAll();

        assertThat(instance).isEnded().hasPassed("Task_ActivateBuyer", "EndEvent_BuyerApproved");
        Registration registration =
                registrationRepository.findById(instance.getBusinessKey()).orElseThrow();
        assertThat(registration.getState()).isEqualTo(ApprovalState.APPROVED);
        assertThat(registration.getDecidedBy()).isEqualTo(approver.getLogonId());
        transactions.executeWithoutResult(status -> {
            User approved = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(approved.isEnabled()).isTrue();
            assertThat(approved.getRegistrationState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(approved.getOrganization().getId()).isEqualTo(organization.getId());
            assertThat(approved.getOrganization().getState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(roles.findByUser(approved))
                    .extracting(RoleAssignment::getRole)
                    .containsExactly("Buyer");
        });
        assertThat(mailTo(request.user().email()))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("approved", "http://shop.test/store/login"));
        assertThat(approvals.pendingFor(approver.getId()))
                .extracting(PendingApproval::id)
                .doesNotContain(instance.getBusinessKey());
    }

    @Test
    void rejectedWithAReasonTheBuyerIsTold() {
        RegistrationRequest request = TestRegistrations.buyer(organization.getName());
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        assertThatThrownBy(
                        () -> approvals.decide(instance.getBusinessKey(), approver.getId(), new Decision(false, " ")))
                .isInstanceOfSatisfying(
                        InvalidRegistrationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("rejectionReason"));
        assertThatThrownBy(
                        () -> approvals.decide(instance.getBusinessKey(), approver.getId(), new Decision(null, null)))
                .isInstanceOfSatisfying(
                        InvalidRegistrationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("approved"));
        assertThat(instance).isWaitingAt("Task_ApproveBuyer");
        assertThat(task(instance).getAssignee())
                .as("a refused decision leaves nothing behind")
                .isNull();

        approvals.decide(instance.getBusinessKey(), admin.getId(), new Decision(false, "We do not know you"));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed("Task_RejectRegistration", "Task_NotifyRejection", "EndEvent_BuyerRejected")
                .hasNotPassed("Task_ActivateBuyer");
        Registration registration =
                registrationRepository.findById(instance.getBusinessKey()).orElseThrow();
        assertThat(registration.getState()).isEqualTo(ApprovalState.REJECTED);
        assertThat(registration.getDecisionReason()).isEqualTo("We do not know you");
        assertThat(registration.getDecidedBy()).isEqualTo(admin.getLogonId());
        transactions.executeWithoutResult(status -> {
            User rejected =
                    users.findByLogonIdOrReleased(request.user().logonId()).orElseThrow();
            assertThat(rejected.getRegistrationState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(rejected.isEnabled()).isFalse();
            assertThat(organizations
                            .findById(organization.getId())
                            .orElseThrow()
                            .getState())
                    .as("rejecting a buyer leaves the organization alone")
                    .isEqualTo(ApprovalState.APPROVED);
        });
        assertThat(mailTo(request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                "We do not know you",
                                "http://shop.test/store/register/buyer?correct=" + registration.getId()));
        assertThatThrownBy(
                        () -> approvals.decide(instance.getBusinessKey(), approver.getId(), new Decision(true, null)))
                .isInstanceOf(RegistrationAlreadyDecidedException.class);

        SubmittedRegistration corrected = registrations.submit(
                RegistrationFlow.BUYER, TestRegistrations.correcting(request, registration.getId()));
        assertThat(registrationRepository.findById(corrected.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.PENDING);
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().getRegistrationState())
                .isEqualTo(ApprovalState.PENDING);
    }

    /** An organization without registration approvers: the seller administrators decide, never nobody. */
    @Test
    void withoutApproversTheSellerAdminsDecide() {
        Organization open = members.buyerOrganization();
        RegistrationRequest request = TestRegistrations.buyer(open.getName());
        ProcessInstance instance = submit(request);
        assertThat(runtime.getVariable(instance.getId(), "approversFound")).isEqualTo(false);
        assertThat(instance).isWaitingAt("Task_ConfirmHeldSubmission");
        jobs.executeAll();

        assertThat(instance)
                .hasPassed(
                        "Task_ConfirmHeldSubmission",
                        "Timer_ReviewBuyerCreated",
                        "Task_NotifySellerAdmins",
                        "EndEvent_SellerAdminsNotified")
                .isWaitingAt("Task_ReviewBuyerRegistration")
                .hasNotPassed("Task_ActivateBuyer");
        assertThat(task(instance)).hasCandidateGroup("seller-admins");
        String taskId = task(instance).getId();
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().isEnabled())
                .isFalse();
        assertThat(mailTo("seller-admin@staff.example.com")).singleElement().satisfies(m -> {
            assertThat(TestSmtp.subject(m)).contains(open.getName());
            assertThat(TestSmtp.text(m))
                    .contains(request.user().email(), instance.getBusinessKey(), "Tasklist", "#/?task=" + taskId);
        });
        assertThat(mailTo(request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(instance.getBusinessKey()));

        taskService.claim(task(instance).getId(), "seller-admin");
        complete(task(instance), withVariables("approved", true));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed(
                        "Gateway_SellerApproved",
                        "Gateway_MergeNoApproval",
                        "Task_ActivateBuyer",
                        "Task_NotifyApproval")
                .hasNotPassed("Task_ApproveBuyer");
        assertThat(registrationRepository
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getDecidedBy())
                .isEqualTo("seller-admin");
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().isEnabled())
                .isTrue();
        assertThat(mailTo(request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.subject(m)).contains("You can now sign in"));
    }

    @Test
    void sellerAdminsRejectAHeldBuyerWithAReason() {
        Organization open = members.buyerOrganization();
        RegistrationRequest request = TestRegistrations.buyer(open.getName());
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", false)))
                .hasMessageContaining("rejectionReason");
        complete(task(instance), withVariables("approved", false, "rejectionReason", "Unknown to the organization"));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed(
                        "Gateway_SellerApproved",
                        "Gateway_MergeRejection",
                        "Task_RejectRegistration",
                        "EndEvent_BuyerRejected")
                .hasNotPassed("Task_ActivateBuyer");
        assertThat(users.findByLogonIdOrReleased(request.user().logonId())
                        .orElseThrow()
                        .isEnabled())
                .isFalse();
        assertThat(mailTo(request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("Unknown to the organization"));
    }

    @Test
    void approversAreResolvedFromTheNearestAncestorWithApprovers() {
        Organization purchasing = members.subOrganization(organization, "Purchasing");
        Organization emptyGroup = members.subOrganization(purchasing, "Spare parts");
        User subAdmin = members.user(emptyGroup, "Buyer Administrator");
        User elsewhere = members.user(members.buyerOrganization(), "Buyer Approver");
        members.approvers(emptyGroup); // a group without approvers does not count
        RegistrationRequest request = TestRegistrations.buyer(organization.getName() + "/Purchasing/Spare parts");
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        assertThat(instance).isWaitingAt("Task_ApproveBuyer");
        assertThat(users.findByLogonId(request.user().logonId())
                        .orElseThrow()
                        .getOrganization()
                        .getId())
                .isEqualTo(emptyGroup.getId());
        assertThat(mailTo(approver.getEmail())).hasSize(1);
        assertThat(approvals.pendingFor(approver.getId()))
                .extracting(PendingApproval::id)
                .contains(instance.getBusinessKey());
        assertThat(approvals.pendingFor(admin.getId()))
                .as("buyer administrator above the approvers")
                .extracting(PendingApproval::id)
                .contains(instance.getBusinessKey());
        assertThat(approvals.pendingFor(subAdmin.getId()))
                .as("buyer administrator below the approvers")
                .isEmpty();
        assertThat(approvals.pendingFor(elsewhere.getId())).isEmpty();
        assertThatThrownBy(
                        () -> approvals.decide(instance.getBusinessKey(), subAdmin.getId(), new Decision(true, null)))
                .isInstanceOf(ApprovalForbiddenException.class);
        assertThatThrownBy(
                        () -> approvals.decide(instance.getBusinessKey(), elsewhere.getId(), new Decision(true, null)))
                .isInstanceOf(ApprovalForbiddenException.class);

        approvals.decide(instance.getBusinessKey(), approver.getId(), new Decision(true, null));
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_BuyerApproved");
    }

    @Test
    void approversAreRemindedOfAWaitingBuyer() {
        ProcessInstance instance = submit(TestRegistrations.buyer(organization.getName()));
        jobs.executeAll();

        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_ApproveBuyerReminder")
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
        management.executeJob(timer.getId());
        jobs.executeAll();

        assertThat(instance)
                .hasPassed("Task_RemindApprovers", "EndEvent_ApproversReminded")
                .isWaitingAt("Task_ApproveBuyer");
        assertThat(mailTo(approver.getEmail()))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.startsWith("Reminder:"));
    }

    @Test
    void sellerAdminsAreRemindedAndSiteAdminsToldOfAHeldBuyer() {
        ProcessInstance instance =
                submit(TestRegistrations.buyer(members.buyerOrganization().getName()));
        jobs.executeAll();

        for (String timerId : new String[] {"Timer_ReviewBuyerReminder", "Timer_ReviewBuyerEscalation"}) {
            Job timer = management
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .activityId(timerId)
                    .singleResult();
            assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
            management.executeJob(timer.getId());
        }
        jobs.executeAll();

        assertThat(instance)
                .hasPassed(
                        "Task_RemindSellerAdmins",
                        "EndEvent_ReviewBuyerReminded",
                        "Task_EscalateReviewBuyer",
                        "EndEvent_ReviewBuyerEscalated")
                .isWaitingAt("Task_ReviewBuyerRegistration");
        assertThat(mailTo("seller-admin@staff.example.com"))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.startsWith("Reminder:"));
        assertThat(mailTo("site-admin@staff.example.com"))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.startsWith("Escalation:"));
    }

    /** The model path taken when the UserRegistration policy turns approval off (no approvers are looked for). */
    @Test
    void withoutApprovalByPolicyTheBuyerIsApprovedAtOnce() {
        RegistrationRequest request = TestRegistrations.buyer(organization.getName());
        ProcessInstance submitted = submit(request);
        runtime.deleteProcessInstance(submitted.getId(), "restarted without approval for the test");
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                "buyerSelfRegistration",
                submitted.getBusinessKey(),
                Map.of("registrationId", submitted.getBusinessKey(), "approvalRequired", false));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed("Gateway_MergeNoApproval", "Task_ActivateBuyer")
                .hasNotPassed("Task_ResolveApprovers", "Task_ApproveBuyer");
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().isEnabled())
                .isTrue();
    }

    @Test
    void noSecretReachesProcessVariablesOrHistory() {
        ProcessInstance instance = submit(TestRegistrations.buyer(organization.getName()));
        jobs.executeAll();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .allSatisfy(variable ->
                        assertThat(String.valueOf(variable.getValue())).doesNotContain(TestRegistrations.PASSWORD));
        assertThat(registrationRepository
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getSubmittedData())
                .doesNotContain(TestRegistrations.PASSWORD)
                .doesNotContainIgnoringCase("password");
    }

    private ProcessInstance submit(RegistrationRequest request) {
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.BUYER, request);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
    }

    private List<MimeMessage> mailTo(String address) {
        return TestSmtp.to(mail, address);
    }
}

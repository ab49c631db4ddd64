package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
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
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of resellerRegistration with the real delegates, database and SMTP server. */
@ProcessTest
class ResellerRegistrationProcessTest {

    private static final String SITE_ADMIN = "site-admin@staff.example.com";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RegistrationService registrations;

    @Autowired
    RegistrationRepository registrationRepository;

    @Autowired
    RegistrationParents parents;

    @Autowired
    UserRepository users;

    @Autowired
    ApprovalGroupRepository approvalGroups;

    @Autowired
    RoleAssignmentRepository roles;

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
    void siteAdminApprovesOrganizationAndAdministratorTogether() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        assertThat(instance).isWaitingAt("Task_ConfirmSubmission");
        transactions.executeWithoutResult(status -> {
            User admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(admin.getRegistrationState()).isEqualTo(ApprovalState.PENDING);
            assertThat(admin.isEnabled()).isFalse();
            assertThat(admin.getOrganization().getState()).isEqualTo(ApprovalState.PENDING);
            assertThat(admin.getOrganization().getParent().getId())
                    .isEqualTo(parents.parentIdFor(RegistrationType.ResellerRegistration));
            assertThat(roles.findByUser(admin))
                    .extracting(RoleAssignment::getRole)
                    .containsExactlyInAnyOrder("Reseller Administrator", "Buyer Administrator");
        });
        jobs.executeAll();

        assertThat(instance)
                .hasPassed(
                        "Task_ConfirmSubmission",
                        "Timer_ApproveResellerCreated",
                        "Task_NotifySiteAdmins",
                        "EndEvent_SiteAdminsNotified")
                .isWaitingAt("Task_ApproveReseller");
        assertThat(task(instance)).hasCandidateGroup("site-admins");
        assertThat((String) runtime.getVariable(instance.getId(), "possibleDuplicates"))
                .startsWith("None found");
        String approval = task(instance).getId();
        assertThat(mailTo(SITE_ADMIN))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                request.organization().name(),
                                "http://shop.test/camunda/app/tasklist/default/#/?task=" + approval));
        assertThat(mailTo(request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(instance.getBusinessKey()));

        complete(task(instance), withVariables("approved", true));
        assertThat(instance).isWaitingAt("Task_NotifyApproval");
        jobs.executeAll();

        assertThat(instance).isEnded().hasPassed("Task_ActivateReseller", "EndEvent_ResellerApproved");
        Registration registration =
                registrationRepository.findById(instance.getBusinessKey()).orElseThrow();
        assertThat(registration.getState()).isEqualTo(ApprovalState.APPROVED);
        assertThat(registration.getProcessInstanceId()).isEqualTo(instance.getId());
        transactions.executeWithoutResult(status -> {
            User admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(admin.isEnabled()).isTrue();
            assertThat(admin.getRegistrationState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(admin.getOrganization().getState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .as("a User Registration approval group with the new administrator as approver")
                    .hasValueSatisfying(
                            group -> assertThat(group.getApprovers()).containsExactly(admin));
        });
        assertThat(mailTo(request.user().email()))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("approved", "http://shop.test/store/login"));
    }

    @Test
    void rejectedWithAReasonAndCorrectedOnce() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("rejectionReason");
        assertThat(instance).isWaitingAt("Task_ApproveReseller");

        complete(task(instance), withVariables("approved", false, "rejectionReason", "Not a reseller"));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed("Task_RejectRegistration", "Task_NotifyRejection", "EndEvent_ResellerRejected")
                .hasNotPassed("Task_ActivateReseller");
        Registration registration =
                registrationRepository.findById(instance.getBusinessKey()).orElseThrow();
        assertThat(registration.getState()).isEqualTo(ApprovalState.REJECTED);
        assertThat(registration.getDecisionReason()).isEqualTo("Not a reseller");
        transactions.executeWithoutResult(status -> {
            User admin = users.findByLogonIdOrReleased(request.user().logonId()).orElseThrow();
            assertThat(admin.getRegistrationState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(admin.isEnabled()).isFalse();
            assertThat(admin.getOrganization().getState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .isEmpty();
        });
        assertThat(mailTo(request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                "Not a reseller",
                                "http://shop.test/store/register/reseller?correct=" + registration.getId()));

        SubmittedRegistration corrected = registrations.submit(
                RegistrationFlow.RESELLER, TestRegistrations.correcting(request, registration.getId()));
        transactions.executeWithoutResult(status -> {
            Registration next = registrationRepository.findById(corrected.id()).orElseThrow();
            assertThat(next.getPreviousRegistration().getId()).isEqualTo(registration.getId());
            assertThat(next.getUser().getLogonId()).isEqualTo(request.user().logonId());
            assertThat(next.getOrganization().getState()).isEqualTo(ApprovalState.PENDING);
        });
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(corrected.id())
                        .processDefinitionKey("resellerRegistration")
                        .count())
                .isOne();
        assertThatThrownBy(() -> registrations.submit(
                        RegistrationFlow.RESELLER, TestRegistrations.correcting(request, registration.getId())))
                .isInstanceOf(RegistrationConflictException.class);
        assertThatThrownBy(() -> registrations.submit(
                        RegistrationFlow.ORGANIZATION,
                        TestRegistrations.correcting(TestRegistrations.organization(), registration.getId())))
                .as("a reseller registration is not corrected as an organization registration")
                .isInstanceOf(InvalidRegistrationException.class);
    }

    /** The model path taken when the ResellerRegistration policy turns approval off. */
    @Test
    void withoutApprovalTheResellerIsActivatedAtOnce() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance submitted = submit(request);
        runtime.deleteProcessInstance(submitted.getId(), "restarted without approval for the test");
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                "resellerRegistration",
                submitted.getBusinessKey(),
                Map.of("registrationId", submitted.getBusinessKey(), "approvalRequired", false));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed("Task_ActivateReseller", "Task_NotifyApproval")
                .hasNotPassed("Task_ApproveReseller");
        transactions.executeWithoutResult(status -> {
            User admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(admin.isEnabled()).isTrue();
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .hasValueSatisfying(
                            group -> assertThat(group.getApprovers()).containsExactly(admin));
        });
    }

    @Test
    void siteAdminsAreRemindedOfAWaitingReseller() {
        ProcessInstance instance = submit(TestRegistrations.organization());
        jobs.executeAll();

        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_ApproveResellerReminder")
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
        management.executeJob(timer.getId());
        jobs.executeAll();

        assertThat(instance)
                .hasPassed("Task_RemindSiteAdmins", "EndEvent_ResellerReminded")
                .isWaitingAt("Task_ApproveReseller");
        assertThat(mailTo(SITE_ADMIN))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.startsWith("Reminder:"));
    }

    @Test
    void noSecretReachesProcessVariablesOrHistory() {
        ProcessInstance instance = submit(TestRegistrations.organization());
        jobs.executeAll();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .allSatisfy(variable ->
                        assertThat(String.valueOf(variable.getValue())).doesNotContain(TestRegistrations.PASSWORD));
    }

    private ProcessInstance submit(RegistrationRequest request) {
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.RESELLER, request);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
    }

    private List<MimeMessage> mailTo(String address) {
        return TestSmtp.to(mail, address);
    }
}

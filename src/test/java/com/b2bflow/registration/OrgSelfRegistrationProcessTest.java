package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.b2bflow.account.AccountRepository;
import com.b2bflow.account.AccountState;
import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.UserRepository;
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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of orgSelfRegistration with the real delegates, database and SMTP server. */
@ProcessTest
class OrgSelfRegistrationProcessTest {

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
    UserRepository users;

    @Autowired
    AccountRepository accounts;

    @Autowired
    ApprovalGroupRepository approvalGroups;

    @Autowired
    AuditEventRepository auditEvents;

    @Autowired
    TaskService taskService;

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
    void approvedAfterReviewAccountSetUpAndFinalApproval() {
        String germanAccountRep = com.b2bflow.support.TestStaff.create(
                engine.getIdentityService(), "rep-de", "Rep-pass-1", "account-reps");
        engine.getIdentityService().setUserInfo(germanAccountRep, com.b2bflow.staff.StaffDirectory.LANGUAGE, "de");
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        assertThat(instance).isWaitingAt("Task_ConfirmSubmission");
        assertThat(registrationRepository
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getProcessInstanceId())
                .isEqualTo(instance.getId());
        jobs.executeAll();

        assertThat(instance).isWaitingAt("Task_ReviewRegistration");
        assertThat(task(instance)).hasCandidateGroup("seller-admins");
        assertThat(instance)
                .hasPassed(
                        "Task_ConfirmSubmission",
                        "Timer_ReviewCreated",
                        "Task_NotifySellerAdmins",
                        "EndEvent_SellerAdminsNotified");
        assertThat((String) runtime.getVariable(instance.getId(), "possibleDuplicates"))
                .startsWith("None found");
        String review = task(instance).getId();
        assertThat(mailTo("seller-admin@staff.example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(request.organization().name(), taskLink(review)));
        assertThat(mailTo(request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(instance.getBusinessKey()));

        complete(
                task(instance),
                withVariables(
                        "approved",
                        true,
                        "organizationRoles",
                        List.of("Buyer Approver"),
                        "approvalGroups",
                        List.of("UserRegistration")));
        assertThat(instance).isWaitingAt("Task_SetUpAccount");
        assertThat(task(instance)).hasCandidateGroup("account-reps");
        jobs.executeAll();
        String setUp = task(instance).getId();
        assertThat(instance).hasPassed("Task_NotifyAccountReps", "EndEvent_AccountRepsNotified");
        assertThat(mailTo("account-rep@staff.example.com")).singleElement().satisfies(m -> {
            assertThat(TestSmtp.subject(m))
                    .isEqualTo("A task waits for you: registration of "
                            + request.organization().name());
            assertThat(TestSmtp.text(m)).contains("Set up account and contract", taskLink(setUp));
        });
        assertThat(mailTo(germanAccountRep + "@staff.example.com"))
                .as("in the language Camunda knows for them")
                .singleElement()
                .satisfies(m -> {
                    assertThat(TestSmtp.subject(m))
                            .isEqualTo("Eine Aufgabe wartet auf Sie: Registrierung von "
                                    + request.organization().name());
                    assertThat(TestSmtp.text(m)).contains("Aufgabe in Tasklist öffnen", taskLink(setUp));
                });
        complete(
                task(instance),
                withVariables(
                        "accountName",
                        "Main account",
                        "contracts",
                        SpinValues.jsonValue("""
                [{"contractName": "Standard terms 2026", "contractTerms": "Net 30", "contractValidFrom": "2026-01-01"},
                 {"contractName": "", "contractTerms": "", "contractValidFrom": null, "contractValidTo": null},
                 {"contractName": "Spare parts", "contractValidFrom": "2026-03-01", "contractValidTo": "2027-02-28"}]
                """).create()));
        assertThat((String) runtime.getVariable(instance.getId(), "contractsSummary"))
                .isEqualTo("Standard terms 2026 (2026-01-01 – open-ended)\nSpare parts (2026-03-01 – 2027-02-28)");

        assertThat(instance).isWaitingAt("Task_ApproveRegistration");
        jobs.executeAll();
        String approval = task(instance).getId();
        assertThat(instance).hasPassed("Task_NotifyApprovers", "EndEvent_ApproversNotified");
        assertThat(mailTo("seller-admin@staff.example.com"))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("Approve registration", taskLink(approval)));
        assertThat(runtime.getVariable(instance.getId(), "approved"))
                .as("final approval starts undecided")
                .isNull();
        complete(task(instance), withVariables("approved", true));
        assertThat(instance).isWaitingAt("Task_NotifyApproval");
        jobs.executeAll();

        assertThat(instance).isEnded().hasPassed("Task_ActivateRegistration", "EndEvent_RegistrationApproved");
        Registration registration =
                registrationRepository.findById(instance.getBusinessKey()).orElseThrow();
        assertThat(registration.getState()).isEqualTo(ApprovalState.APPROVED);
        transactions.executeWithoutResult(status -> {
            var admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(admin.isEnabled()).isTrue();
            assertThat(admin.getRegistrationState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(admin.getOrganization().getState()).isEqualTo(ApprovalState.APPROVED);
            var account = accounts.findByOrganization(admin.getOrganization()).get(0);
            assertThat(account.getState()).isEqualTo(AccountState.ACTIVE);
            assertThat(account.getContracts())
                    .extracting(c -> c.getName(), c -> c.getState())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Standard terms 2026", AccountState.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple("Spare parts", AccountState.ACTIVE));
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .hasValueSatisfying(
                            group -> assertThat(group.getApprovers()).contains(admin));
            assertThat(roles.findByOrganizationAndUserIsNull(admin.getOrganization()))
                    .extracting(RoleAssignment::getRole)
                    .containsExactly("Buyer Approver");
        });
        assertThat(mailTo(request.user().email()))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                "approved",
                                "http://shop.test/store/login",
                                "\"Main account\"",
                                "Standard terms 2026: from Jan 1, 2026 until further notice",
                                "Spare parts: from Mar 1, 2026 until Feb 28, 2027"));
    }

    @Test
    void rejectedAtReviewTellsTheApplicantWhyAndHowToCorrect() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("rejectionReason");
        assertThat(instance).isWaitingAt("Task_ReviewRegistration");

        complete(task(instance), withVariables("approved", false, "rejectionReason", "We only sell to resellers"));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed("Task_RejectRegistration", "Task_NotifyRejection", "EndEvent_RegistrationRejected")
                .hasNotPassed("Task_SetUpAccount");
        assertRejected(instance, request, "We only sell to resellers");
    }

    @Test
    void rejectedAtFinalApproval() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        jobs.executeAll();
        complete(task(instance), withVariables("approved", true));

        assertThatThrownBy(() -> complete(
                        task(instance),
                        withVariables("accountName", "Main account", "contractValidFrom", "2026-01-01")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("contract name");
        assertThatThrownBy(() -> complete(
                        task(instance),
                        withVariables(
                                "accountName",
                                "Main account",
                                "contracts",
                                List.of(
                                        Map.of("contractName", "A", "contractValidFrom", "2026-01-01"),
                                        Map.of(
                                                "contractName",
                                                "B",
                                                "contractValidFrom",
                                                "2026-06-01",
                                                "contractValidTo",
                                                "2026-05-31")))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("Contract 2, contractValidTo: The contract cannot end before it starts");
        assertThatThrownBy(
                        () -> complete(task(instance), withVariables("accountName", "Main account", "contracts", "[]")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Add a contract");
        assertThat(instance).isWaitingAt("Task_SetUpAccount");

        complete(task(instance), accountSetUp());
        complete(task(instance), withVariables("approved", false, "rejectionReason", "Credit check failed"));
        jobs.executeAll();

        assertThat(instance).isEnded().hasPassed("Task_ApproveRegistration", "EndEvent_RegistrationRejected");
        assertRejected(instance, request, "Credit check failed");
        transactions.executeWithoutResult(status -> {
            var organization = registrationRepository
                    .findById(instance.getBusinessKey())
                    .orElseThrow()
                    .getOrganization();
            assertThat(accounts.findByOrganization(organization))
                    .extracting(a -> a.getState())
                    .containsOnly(AccountState.CLOSED);
        });
    }

    @Test
    void theFinalApprovalShowsWhatIsDecidedAndComesFromSomeoneOtherThanTheReviewer() {
        ProcessInstance instance = submit(TestRegistrations.organization());
        jobs.executeAll();
        // the review starts as the BuyerRegistration policy sets it
        assertThat(runtime.getVariable(instance.getId(), "approvalGroups").toString())
                .isEqualTo("[\"UserRegistration\"]");
        assertThat(runtime.getVariable(instance.getId(), "organizationRoles").toString())
                .isEqualTo("[\"Buyer\",\"Buyer Approver\",\"Organization Participant\"]");
        asStaff("seller-admin", () -> complete(task(instance), withVariables("approved", true)));
        assertThat(runtime.getVariable(instance.getId(), "reviewedBy")).isEqualTo("seller-admin");
        complete(task(instance), accountSetUp());

        assertThat(instance).isWaitingAt("Task_ApproveRegistration");
        String approval = task(instance).getId();
        assertThat(task(instance).getDescription()).contains("Four-eyes rule: seller-admin reviewed");
        assertThat((String) runtime.getVariable(instance.getId(), "approvalSummary"))
                .contains(
                        "**Account:** Main account",
                        "- **Standard terms 2026**, from 2026-01-01, open-ended. Terms: Net 30",
                        "**Roles the organization may grant:** Buyer, Buyer Approver, Organization Participant",
                        "**Approval groups:** Buyer registration approval",
                        "**Reviewed by:** seller-admin (four-eyes rule");

        assertThatThrownBy(() -> taskService.claim(approval, "seller-admin"))
                .as("the reviewer cannot take the final approval")
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("seller-admin reviewed this registration")
                .hasMessageContaining("four-eyes");
        assertThatThrownBy(() ->
                        asStaff("seller-admin", () -> taskService.complete(approval, withVariables("approved", true))))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageStartingWith("approved: You reviewed this registration");
        assertThat(instance).isWaitingAt("Task_ApproveRegistration");

        taskService.claim(approval, "seller-approver");
        asStaff("seller-approver", () -> taskService.complete(approval, withVariables("approved", true)));
        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationApproved");
        assertThat(registrationRepository
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getDecidedBy())
                .isEqualTo("seller-approver");
    }

    @Test
    void theReviewWarnsOfDuplicatesWithLinksAndShowsACorrectionsEarlierReasonAndChanges() {
        String taxId = "DE " + TestRegistrations.unique("tax").substring(4);
        RegistrationRequest first = withTaxId(TestRegistrations.organization(), taxId);
        ProcessInstance rejected = submit(first);
        jobs.executeAll();
        assertThat((String) runtime.getVariable(rejected.getId(), "duplicatesWarning"))
                .isEmpty();
        assertThat((String) runtime.getVariable(rejected.getId(), "previousRejection"))
                .isEmpty();
        asStaff(
                "seller-admin",
                () -> complete(
                        task(rejected), withVariables("approved", false, "rejectionReason", "Tax id *unknown*")));
        jobs.executeAll();

        RegistrationRequest corrected = new RegistrationRequest(
                new OrganizationData(
                        first.organization().name(),
                        "Industrial supplies and tools",
                        first.organization().businessCategory(),
                        taxId,
                        null),
                first.user(),
                new com.b2bflow.member.AddressData("Main Street 1", null, "Leipzig", null, "04109", "DE", null),
                rejected.getBusinessKey());
        ProcessInstance correction = submit(corrected);
        jobs.executeAll();
        assertThat((String) runtime.getVariable(correction.getId(), "previousRejection"))
                .contains(
                        // the id as Markdown text: a base64url id may hold "_", which the form escapes
                        "This registration corrects registration "
                                + rejected.getBusinessKey().replace("_", "\\_"),
                        "by seller-admin",
                        "> Tax id \\*unknown\\*");
        assertThat((String) runtime.getVariable(correction.getId(), "changesSinceRejection"))
                .contains(
                        "- **Organization description**: Industrial supplies → Industrial supplies and tools",
                        "- **Address city**: Berlin → Leipzig",
                        "- **Address postal code**: 10115 → 04109")
                .doesNotContain("Organization name", "previous", "password");

        RegistrationRequest other = withTaxId(TestRegistrations.organization(), taxId);
        ProcessInstance duplicate = submit(other);
        jobs.executeAll();
        long firstOrganization = registrationRepository
                .findById(correction.getBusinessKey())
                .orElseThrow()
                .getOrganization()
                .getId();
        assertThat((String) runtime.getVariable(duplicate.getId(), "duplicatesWarning"))
                .startsWith("#### ⚠ Possible duplicate\n")
                .contains("- [" + first.organization().name() + "](/store/staff/organizations/" + firstOrganization
                        + ") (pending: same tax id)");
        assertThat((String) runtime.getVariable(duplicate.getId(), "possibleDuplicates"))
                .contains(first.organization().name() + " (id " + firstOrganization + ", PENDING, same tax id)");
    }

    private static RegistrationRequest withTaxId(RegistrationRequest request, String taxId) {
        OrganizationData organization = request.organization();
        return new RegistrationRequest(
                new OrganizationData(
                        organization.name(),
                        organization.description(),
                        organization.businessCategory(),
                        taxId,
                        organization.emailDomain()),
                request.user(),
                request.address(),
                request.previousRegistrationId());
    }

    /** Runs the call as the signed-in staff member, as Tasklist's requests do. */
    private void asStaff(String staff, Runnable call) {
        engine.getIdentityService().setAuthentication(staff, List.of("seller-admins"));
        try {
            call.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The model path taken when the BuyerRegistration policy turns approval off (see ApprovalOffTest for the policy). */
    @Test
    void withoutApprovalTheRegistrationIsActivatedAtOnce() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance submitted = submit(request);
        runtime.deleteProcessInstance(submitted.getId(), "restarted without approval for the test");
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                "orgSelfRegistration",
                submitted.getBusinessKey(),
                Map.of("registrationId", submitted.getBusinessKey(), "approvalRequired", false));
        jobs.executeAll();

        assertThat(instance)
                .isEnded()
                .hasPassed("Task_ActivateRegistration", "Task_NotifyApproval")
                .hasNotPassed("Task_ReviewRegistration", "Task_NotifySellerAdmins");
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().isEnabled())
                .isTrue();
        assertThat(mailTo("seller-admin@staff.example.com"))
                .as("no task, nothing to do for seller admins")
                .isEmpty();
        transactions.executeWithoutResult(status -> {
            var admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .as("no review, still a User Registration approval group with the administrator as approver")
                    .hasValueSatisfying(
                            group -> assertThat(group.getApprovers()).containsExactly(admin));
            assertThat(accounts.findByOrganization(admin.getOrganization()))
                    .as("the policy's default account")
                    .singleElement()
                    .satisfies(account -> {
                        assertThat(account.getState()).isEqualTo(AccountState.ACTIVE);
                        assertThat(account.getContracts())
                                .singleElement()
                                .satisfies(c -> assertThat(c.getValidTo()).isNull());
                    });
        });
    }

    /**
     * Seed: the registration "creates a User Registration approval group for the new organization, with the new
     * administrative user being the approver": the review form starts with it ticked, and the seller's default roles.
     */
    @Test
    void theReviewStartsWithTheUserRegistrationGroupAndTheDefaultRoles() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        assertThat(ProcessVariables.stringList(
                        taskService.getVariable(task(instance).getId(), "approvalGroups")))
                .containsExactly("UserRegistration");
        assertThat(ProcessVariables.stringList(
                        taskService.getVariable(task(instance).getId(), "organizationRoles")))
                .containsExactly("Buyer", "Buyer Approver", "Organization Participant");
        complete(task(instance), withVariables("approved", true));
        complete(task(instance), accountSetUp());
        complete(task(instance), withVariables("approved", true));
        jobs.executeAll();

        transactions.executeWithoutResult(status -> {
            var admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .hasValueSatisfying(
                            group -> assertThat(group.getApprovers()).containsExactly(admin));
            assertThat(roles.findByOrganizationAndUserIsNull(admin.getOrganization()))
                    .extracting(RoleAssignment::getRole)
                    .containsExactlyInAnyOrder("Buyer", "Buyer Approver", "Organization Participant");
            assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt(
                            "Organization",
                            String.valueOf(admin.getOrganization().getId())))
                    .extracting(AuditEvent::getAction)
                    .doesNotContain("USER_REGISTRATION_APPROVAL_REMOVED");
        });
    }

    /** Removing the group in the review is possible, on purpose, and the audit log says who did it. */
    @Test
    void aReviewThatRemovesTheUserRegistrationGroupIsAudited() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance instance = submit(request);
        jobs.executeAll();

        complete(task(instance), withVariables("approved", true, "approvalGroups", List.of()));
        complete(task(instance), accountSetUp());
        taskService.claim(task(instance).getId(), "seller-admin");
        complete(task(instance), withVariables("approved", true));
        jobs.executeAll();

        transactions.executeWithoutResult(status -> {
            var admin = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(approvalGroups.findByOrganizationAndType(admin.getOrganization(), ApprovalType.UserRegistration))
                    .isEmpty();
            assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt(
                            "Organization",
                            String.valueOf(admin.getOrganization().getId())))
                    .filteredOn(event -> event.getAction().equals("USER_REGISTRATION_APPROVAL_REMOVED"))
                    .singleElement()
                    .satisfies(event -> assertThat(event.getActor()).isEqualTo("seller-admin"));
        });
    }

    @Test
    void remindersAndEscalationsOnEveryStaffTask() {
        ProcessInstance instance = submit(TestRegistrations.organization());
        jobs.executeAll();

        String review = task(instance).getId();
        assertThat(task(instance)).as("before the escalation").hasCandidateGroup("seller-admins");
        assertThat(taskEscalatedToSiteAdmins(review)).isFalse();
        fireTimers(instance, "Timer_ReviewReminder", "Timer_ReviewEscalation");
        assertThat(instance)
                .hasPassed(
                        "Task_RemindReviewers",
                        "EndEvent_ReviewReminded",
                        "Task_EscalateReview",
                        "EndEvent_ReviewEscalated")
                .isWaitingAt("Task_ReviewRegistration");
        assertThat(mailTo("seller-admin@staff.example.com"))
                .filteredOn(m -> TestSmtp.subject(m).startsWith("Reminder:"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(taskLink(review)));
        assertThat(mailTo("site-admin@staff.example.com"))
                .filteredOn(m -> TestSmtp.subject(m).startsWith("Escalation:"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains(taskLink(review)));
        assertThat(task(instance)).as("escalated: site admins may work it").hasCandidateGroup("site-admins");
        assertThat(taskEscalatedToSiteAdmins(review)).isTrue();

        complete(task(instance), withVariables("approved", true));
        fireTimers(instance, "Timer_SetUpAccountReminder", "Timer_SetUpAccountEscalation");
        assertThat(instance)
                .hasPassed(
                        "Task_RemindAccountReps",
                        "EndEvent_SetUpAccountReminded",
                        "Task_EscalateSetUpAccount",
                        "EndEvent_SetUpAccountEscalated");
        assertThat(mailTo("account-rep@staff.example.com"))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.startsWith("Reminder:"));

        complete(task(instance), accountSetUp());
        fireTimers(instance, "Timer_ApproveReminder", "Timer_ApproveEscalation");
        assertThat(instance)
                .hasPassed(
                        "Task_RemindApprovers",
                        "EndEvent_ApprovalReminded",
                        "Task_EscalateApproval",
                        "EndEvent_ApprovalEscalated")
                .isWaitingAt("Task_ApproveRegistration");
    }

    @Test
    void aCorrectedRegistrationReusesTheRejectedOrganizationAndUser() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance first = submit(request);
        jobs.executeAll();
        complete(task(first), withVariables("approved", false, "rejectionReason", "Tax id missing"));
        jobs.executeAll();

        SubmittedRegistration corrected = registrations.submit(
                RegistrationFlow.ORGANIZATION, TestRegistrations.correcting(request, first.getBusinessKey()));
        Registration previous =
                registrationRepository.findById(first.getBusinessKey()).orElseThrow();
        Registration next = registrationRepository.findById(corrected.id()).orElseThrow();
        assertThat(corrected.state()).isEqualTo(ApprovalState.PENDING);
        transactions.executeWithoutResult(status -> {
            Registration p = registrationRepository.findById(previous.getId()).orElseThrow();
            Registration n = registrationRepository.findById(next.getId()).orElseThrow();
            assertThat(n.getPreviousRegistration().getId()).isEqualTo(p.getId());
            assertThat(n.getOrganization().getId())
                    .isEqualTo(p.getOrganization().getId());
            assertThat(n.getUser().getId()).isEqualTo(p.getUser().getId());
            assertThat(n.getOrganization().getState()).isEqualTo(ApprovalState.PENDING);
            assertThat(users.findByLogonId(request.user().logonId())
                            .orElseThrow()
                            .getId())
                    .isEqualTo(p.getUser().getId());
        });
        assertThatThrownBy(() -> registrations.submit(RegistrationFlow.ORGANIZATION, request))
                .isInstanceOf(RegistrationConflictException.class);
        assertThatThrownBy(() -> registrations.submit(
                        RegistrationFlow.ORGANIZATION, TestRegistrations.correcting(request, first.getBusinessKey())))
                .isInstanceOf(RegistrationConflictException.class);
    }

    @Test
    void aRejectionFreesTheOrganizationNameAndLogonIdForOthersAtOnce() {
        RegistrationRequest request = TestRegistrations.organization();
        ProcessInstance first = submit(request);
        jobs.executeAll();
        complete(task(first), withVariables("approved", false, "rejectionReason", "Unknown company"));
        jobs.executeAll();

        // someone else registers the same organization name with the same logon id right after the decision
        SubmittedRegistration other = registrations.submit(
                RegistrationFlow.ORGANIZATION,
                TestRegistrations.organization(
                        request.organization().name(),
                        request.user().logonId(),
                        TestRegistrations.unique("other") + "@example.com"));
        assertThat(other.state()).isEqualTo(ApprovalState.PENDING);

        // the rejected applicant's correction now names what someone else took
        assertThatThrownBy(() -> registrations.submit(
                        RegistrationFlow.ORGANIZATION, TestRegistrations.correcting(request, first.getBusinessKey())))
                .isInstanceOfSatisfying(
                        RegistrationConflictException.class,
                        conflict -> assertThat(conflict.problem().field()).isEqualTo("user.logonId"));
        RegistrationRequest newLogonId = TestRegistrations.organization(
                request.organization().name(),
                TestRegistrations.unique("again"),
                request.user().email());
        assertThatThrownBy(() -> registrations.submit(
                        RegistrationFlow.ORGANIZATION,
                        TestRegistrations.correcting(newLogonId, first.getBusinessKey())))
                .isInstanceOfSatisfying(
                        RegistrationConflictException.class,
                        conflict -> assertThat(conflict.problem().field()).isEqualTo("organization.name"));
        transactions.executeWithoutResult(
                status -> assertThat(users.findByLogonId(request.user().logonId())
                                .orElseThrow()
                                .getId())
                        .isEqualTo(registrationRepository
                                .findById(other.id())
                                .orElseThrow()
                                .getUser()
                                .getId()));
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
        assertThat(registrationRepository
                        .findById(instance.getBusinessKey())
                        .orElseThrow()
                        .getSubmittedData())
                .doesNotContain(TestRegistrations.PASSWORD)
                .doesNotContainIgnoringCase("password");
    }

    /** A reminder or notice whose task was completed before its job ran sends nothing. */
    @Test
    void noMailAboutATaskAlreadyDone() throws Exception {
        ProcessInstance instance = submit(TestRegistrations.organization());
        jobs.executeAllOf(instance.getId());
        mail.purgeEmailFromAllMailboxes();
        complete(task(instance), withVariables("approved", true));
        Job created = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_SetUpAccountCreated")
                .singleResult();
        management.executeJob(created.getId());
        complete(task(instance), accountSetUp());
        jobs.executeAllOf(instance.getId());

        assertThat(instance).hasPassed("Task_NotifyAccountReps").isWaitingAt("Task_ApproveRegistration");
        assertThat(mailTo("account-rep@staff.example.com"))
                .as("set-up done before its notice went out")
                .isEmpty();
        assertThat(mailTo("seller-admin@staff.example.com")).hasSize(1);
    }

    private String taskLink(String taskId) {
        return "http://shop.test/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private boolean taskEscalatedToSiteAdmins(String taskId) {
        return engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .groupIdIn("site-admins")
                        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
                        .resourceId(taskId)
                        .hasPermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN)
                        .count()
                == 1;
    }

    private ProcessInstance submit(RegistrationRequest request) {
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.ORGANIZATION, request);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
    }

    private static Map<String, Object> accountSetUp() {
        return withVariables(
                "accountName",
                "Main account",
                "contractName",
                "Standard terms 2026",
                "contractTerms",
                "Net 30",
                "contractValidFrom",
                "2026-01-01",
                "contractValidTo",
                "");
    }

    /** Executes the timers, whatever their due date, then the async reminder tasks they lead to. */
    private void fireTimers(ProcessInstance instance, String... timerIds) {
        for (String timerId : timerIds) {
            Job timer = management
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .activityId(timerId)
                    .singleResult();
            assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
            management.executeJob(timer.getId());
        }
        jobs.executeAll();
    }

    private void assertRejected(ProcessInstance instance, RegistrationRequest request, String reason) {
        Registration registration =
                registrationRepository.findById(instance.getBusinessKey()).orElseThrow();
        assertThat(registration.getState()).isEqualTo(ApprovalState.REJECTED);
        assertThat(registration.getDecisionReason()).isEqualTo(reason);
        transactions.executeWithoutResult(status -> {
            var admin = registrationRepository
                    .findById(instance.getBusinessKey())
                    .orElseThrow()
                    .getUser();
            assertThat(users.findByLogonId(request.user().logonId())).isEmpty();
            assertThat(admin.getRegistrationState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(admin.isEnabled()).isFalse();
            assertThat(admin.getOrganization().getState()).isEqualTo(ApprovalState.REJECTED);
        });
        assertThat(mailTo(request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains(
                                reason,
                                "http://shop.test/store/register/organization?correct=" + registration.getId()));
    }

    private List<MimeMessage> mailTo(String address) {
        return TestSmtp.to(mail, address);
    }
}

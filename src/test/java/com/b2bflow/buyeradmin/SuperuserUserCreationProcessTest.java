package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.access.Actor;
import com.b2bflow.access.Hat;
import com.b2bflow.account.OrderingEligibility;
import com.b2bflow.activation.ActivationService;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Roles;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of superuserUserCreation: a buyer created by their administrator, activated through the link. */
@ProcessTest
class SuperuserUserCreationProcessTest {

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
    BuyerAdministration administration;

    @Autowired
    ActivationService activation;

    @Autowired
    OrderingEligibility ordering;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    TestTenants tenants;

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
    void createdBuyerIsEnabledGetsTheLinkAndMayOrderOnceTheyChoseAPassword() {
        Tenant tenant = tenants.create();
        NewBuyer data = newBuyer(List.of(Roles.BUYER, Roles.BUYER_APPROVER));
        BuyerAdministration.CreatedBuyer created =
                administration.createBuyer(admin(tenant), tenant.subOrganizationId(), data);
        ProcessInstance instance = instance(created.registrationId());
        assertThat(instance).isWaitingAt("Task_SendActivationEmail");
        assertThat(created.buyer().enabled()).isTrue();
        assertThat(created.buyer().activated()).isFalse();
        assertThat(created.buyer().roles()).containsExactly(Roles.BUYER, Roles.BUYER_APPROVER);
        assertThat(created.buyer().organizationId()).isEqualTo(tenant.subOrganizationId());
        assertThat(registrations
                        .findById(created.registrationId())
                        .orElseThrow()
                        .getState())
                .isEqualTo(ApprovalState.APPROVED);

        jobs.executeAll();
        assertThat(instance).isWaitingAt("Task_AwaitActivation");
        MimeMessage activationMail = only(data.email());
        // the buyer's preferred language is German: so is the mail (issue 22)
        assertThat(TestSmtp.subject(activationMail)).startsWith("Aktivieren Sie Ihr Konto");
        assertThat(TestSmtp.text(activationMail)).contains("für Sie wurde ein Konto bei");
        String token = tokenFrom(activationMail);

        activation.activate(token, TestRegistrations.PASSWORD);
        assertThat(instance).isEnded().hasPassed("Task_SendActivationEmail", "EndEvent_BuyerActivated");
        transactions.executeWithoutResult(status -> {
            var buyer = users.findById(created.buyer().id()).orElseThrow();
            assertThat(passwordEncoder.matches(TestRegistrations.PASSWORD, buyer.getPasswordHash()))
                    .as("the password set through the activation link")
                    .isTrue();
            assertThat(ordering.mayOrder(buyer)).as("may order at once").isTrue();
        });
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue()))
                        .doesNotContain(token)
                        .doesNotContain(TestRegistrations.PASSWORD));
    }

    @Test
    void aRequestedLinkIsSentByTheFlowAndTheFirstLinkIsFollowedByAReminder() {
        Tenant tenant = tenants.create();
        NewBuyer data = newBuyer(List.of(Roles.ORGANIZATION_PARTICIPANT));
        BuyerAdministration.CreatedBuyer created =
                administration.createBuyer(admin(tenant), tenant.organizationId(), data);
        ProcessInstance instance = instance(created.registrationId());
        jobs.executeAll();

        runtime.createMessageCorrelation("ActivationLinkRequested")
                .processInstanceVariableEquals("userId", created.buyer().id())
                .correlateAll();
        jobs.executeAll();
        assertThat(instance)
                .hasPassed("Task_SendNewActivationLink", "EndEvent_NewLinkSent")
                .isWaitingAt("Task_AwaitActivation");
        assertThat(TestSmtp.to(mail, data.email())).hasSize(2);

        fire(instance, "Timer_ActivationReminder");
        assertThat(instance)
                .hasPassed("Task_SendActivationReminder", "EndEvent_ReminderSent")
                .isWaitingAt("Task_AwaitActivation");
        assertThat(TestSmtp.to(mail, data.email()))
                .hasSize(3)
                .last()
                .satisfies(m -> assertThat(TestSmtp.subject(m)).startsWith("Erinnerung"));

        fire(instance, "Timer_WaitLimit");
        assertThat(instance).isEnded().hasPassed("EndEvent_StoppedWaiting").hasNotPassed("EndEvent_BuyerActivated");
    }

    @Test
    void rolesMustComeFromThePolicyAndTheLogonIdMustBeFree() {
        Tenant tenant = tenants.create();
        assertThatThrownBy(
                        () -> administration.createBuyer(admin(tenant), tenant.organizationId(), newBuyer(List.of())))
                .isInstanceOf(InvalidRegistrationException.class)
                .hasMessageContaining("roles");
        assertThatThrownBy(() -> administration.createBuyer(
                        admin(tenant), tenant.organizationId(), newBuyer(List.of(Roles.BUYER_ADMINISTRATOR))))
                .isInstanceOf(InvalidRegistrationException.class);
        NewBuyer taken =
                new NewBuyer(tenant.buyer(), null, null, "Twin", "twin@example.com", null, null, List.of(Roles.BUYER));
        assertThatThrownBy(() -> administration.createBuyer(admin(tenant), tenant.organizationId(), taken))
                .isInstanceOf(RegistrationConflictException.class);
        NewBuyer staffId =
                new NewBuyer("seller-admin", null, null, "Twin", "twin@example.com", null, null, List.of(Roles.BUYER));
        assertThatThrownBy(() -> administration.createBuyer(admin(tenant), tenant.organizationId(), staffId))
                .isInstanceOf(RegistrationConflictException.class);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("superuserUserCreation")
                        .variableValueEquals("organizationId", tenant.organizationId())
                        .count())
                .isZero();
    }

    static Actor admin(Tenant tenant) {
        return new Actor(
                tenant.admin(),
                "Ada Tester",
                true,
                Set.of(Hat.BUYER, Hat.BUYER_ADMIN),
                tenant.adminId(),
                tenant.organizationId(),
                null);
    }

    private static NewBuyer newBuyer(List<String> roles) {
        String logonId = TestRegistrations.unique("buyer");
        return new NewBuyer(logonId, "Nina", null, "Neu", logonId + "@example.com", null, "de", roles);
    }

    private ProcessInstance instance(String registrationId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(registrationId)
                .singleResult();
    }

    private MimeMessage only(String email) {
        List<MimeMessage> received = TestSmtp.to(mail, email);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    static String tokenFrom(MimeMessage message) {
        Matcher matcher =
                Pattern.compile("/store/activate\\?token=([^\\s\"<]+)").matcher(TestSmtp.text(message));
        assertThat(matcher.find()).as("activation link in the mail").isTrue();
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private void fire(ProcessInstance instance, String timerId) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(timerId)
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
        management.executeJob(timer.getId());
        jobs.executeAll();
    }
}

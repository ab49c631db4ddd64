package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.activation.ActivationRenewals;
import com.b2bflow.activation.ActivationService;
import com.b2bflow.activation.OneTimeLinkGoneException;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.storefront.MyAccountService;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** erpExternalRegistration: customer from the ERP, optional activation link, reminder, new link, wait limit. */
@ProcessTest
class ErpExternalRegistrationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final Pattern LINK = Pattern.compile("http://shop\\.test/store/activate\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    ErpCustomerService customers;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    UserRepository users;

    @Autowired
    MyAccountService myAccount;

    @Autowired
    ActivationService activation;

    @Autowired
    ActivationRenewals renewals;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JobDriver jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void init() throws Exception {
        AbstractAssertions.init(engine);
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void withoutActivationEmailTheCustomerIsCreatedApprovedAndTheFlowEnds() {
        ErpCustomerRequest request = CloudSuiteRequests.erpCustomer(false);
        SubmittedRegistration created = customers.create(request, "erp-integration");
        assertThat(created.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(instance(created)).as("ended at once").isNull();
        assertThat(passed(created))
                .contains("Task_ActivateCustomer", "EndEvent_CustomerCreated")
                .doesNotContain("Task_SendActivationEmail");
        transactions.executeWithoutResult(status -> {
            var user = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(user.getPasswordHash()).isNull();
            assertThat(user.getOrganization().getErpCustomerNumber())
                    .isEqualTo(request.organization().erpCustomerNumber());
            assertThat(user.getOrganization().getParent().getName()).isEqualTo("ERP Customers");
            assertThat(myAccount.of(user.getId()).mayOrder()).isTrue();
            assertThat(registrations.findById(created.id()).orElseThrow().getDecidedBy())
                    .isEqualTo("erp-integration");
        });
        assertThat(mail.getReceivedMessages()).isEmpty();

        assertThatThrownBy(() -> customers.create(request, "erp-integration"))
                .isInstanceOfSatisfying(
                        ErpCustomerService.ErpCustomerExistsException.class,
                        e -> assertThat(e.registrationId()).contains(created.id()));
        ErpCustomerRequest sameLogon = CloudSuiteRequests.erpCustomer(false);
        assertThatThrownBy(() -> customers.create(
                        new ErpCustomerRequest(sameLogon.organization(), null, request.user(), false),
                        "erp-integration"))
                .isInstanceOf(RegistrationConflictException.class)
                .hasMessageContaining("logon ID");
    }

    @Test
    void theActivationLinkSetsThePasswordAndEndsTheWait() {
        ErpCustomerRequest request = CloudSuiteRequests.erpCustomer(true);
        ProcessInstance instance = instance(customers.create(request, "erp-integration"));
        assertThat(instance).isWaitingAt("Task_SendActivationEmail");
        jobs.executeAll();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .withException()
                        .list())
                .as("failed jobs")
                .isEmpty();
        assertThat(instance).isWaitingAt("Task_WaitForActivation");

        String token = lastToken(request.user().email());
        Job reminder = timer(instance, "Timer_ActivationReminder");
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(6).minusMinutes(5), Duration.ofDays(6));
        assertThat(Duration.between(
                        Instant.now(),
                        timer(instance, "Timer_ActivationWaitLimit")
                                .getDuedate()
                                .toInstant()))
                .isBetween(Duration.ofDays(30).minusMinutes(5), Duration.ofDays(30));

        activation.activate(token, TestRegistrations.PASSWORD);
        assertThat(instance).isEnded().hasPassed("Task_WaitForActivation", "EndEvent_AccountActivated");
        var user = users.findByLogonId(request.user().logonId()).orElseThrow();
        assertThat(passwordEncoder.matches(TestRegistrations.PASSWORD, user.getPasswordHash()))
                .isTrue();
        assertThatThrownBy(() -> activation.activate(token, TestRegistrations.PASSWORD))
                .isInstanceOf(OneTimeLinkGoneException.class)
                .hasMessage("This activation link has already been used");
    }

    @Test
    void aReminderBeforeExpiryAndANewLinkOnRequestEachBringAFreshLink() {
        ErpCustomerRequest request = CloudSuiteRequests.erpCustomer(true);
        ProcessInstance instance = instance(customers.create(request, "erp-integration"));
        jobs.executeAll();
        String first = lastToken(request.user().email());

        management.executeJob(timer(instance, "Timer_ActivationReminder").getId());
        jobs.executeAll();
        assertThat(instance)
                .hasPassed("Task_RemindActivation", "EndEvent_ActivationReminded")
                .isWaitingAt("Task_WaitForActivation");
        List<MimeMessage> mails = TestSmtp.to(mail, request.user().email());
        assertThat(mails).hasSize(2);
        assertThat(TestSmtp.subject(mails.get(1))).startsWith("Reminder: activate your account");
        String reminded = lastToken(request.user().email());
        assertThat(reminded).isNotEqualTo(first);

        backdateTokens(request.user().logonId());
        renewals.request(request.user().email());
        assertThat(instance).isWaitingAt("Task_SendNewActivationLink", "Task_WaitForActivation");
        jobs.executeAll();
        assertThat(instance)
                .hasPassed("Task_SendNewActivationLink", "EndEvent_NewLinkSent")
                .isWaitingAt("Task_WaitForActivation");
        assertThat(TestSmtp.to(mail, request.user().email())).hasSize(3);
        String renewed = lastToken(request.user().email());

        // a second request within the renewal interval sends nothing
        renewals.request(request.user().logonId());
        jobs.executeAll();
        assertThat(TestSmtp.to(mail, request.user().email())).hasSize(3);

        activation.activate(renewed, TestRegistrations.PASSWORD);
        assertThat(instance).isEnded().hasPassed("EndEvent_AccountActivated");
        assertThat(activation.inspect(first).reason()).isEqualTo(OneTimeLinkGoneException.Reason.USED);
        assertThat(activation.inspect(reminded).reason()).isEqualTo(OneTimeLinkGoneException.Reason.USED);
    }

    @Test
    void afterTheWaitLimitTheFlowEndsAndANewLinkIsStillMailedOnRequest() {
        ErpCustomerRequest request = CloudSuiteRequests.erpCustomer(true);
        ProcessInstance instance = instance(customers.create(request, "erp-integration"));
        jobs.executeAll();
        management.executeJob(timer(instance, "Timer_ActivationWaitLimit").getId());
        assertThat(instance)
                .isEnded()
                .hasPassed("EndEvent_ActivationNotCompleted")
                .hasNotPassed("EndEvent_AccountActivated");

        backdateTokens(request.user().logonId());
        renewals.request(request.user().logonId());
        assertThat(TestSmtp.to(mail, request.user().email())).hasSize(2);
        activation.activate(lastToken(request.user().email()), TestRegistrations.PASSWORD);
        assertThat(passwordEncoder.matches(
                        TestRegistrations.PASSWORD,
                        users.findByLogonId(request.user().logonId())
                                .orElseThrow()
                                .getPasswordHash()))
                .as("the password set through the renewed link")
                .isTrue();
    }

    private ProcessInstance instance(SubmittedRegistration submitted) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
    }

    /** The activities an instance (running or ended) has passed, by id. */
    private List<String> passed(SubmittedRegistration submitted) {
        String instanceId = registrations.findById(submitted.id()).orElseThrow().getProcessInstanceId();
        return engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId)
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .toList();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
    }

    private void backdateTokens(String logonId) {
        jdbc.update(
                "update activation_token set created_at = ? where user_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                users.findByLogonId(logonId).orElseThrow().getId());
    }

    private String lastToken(String address) {
        List<MimeMessage> messages = TestSmtp.to(mail, address);
        assertThat(messages).isNotEmpty();
        Matcher matcher = LINK.matcher(TestSmtp.text(messages.get(messages.size() - 1)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}

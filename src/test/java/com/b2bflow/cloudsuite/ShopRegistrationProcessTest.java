package com.b2bflow.cloudsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** shopRegistration: customer, address and user from the role template, approved at once, may order. */
@ProcessTest
class ShopRegistrationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    UserRepository users;

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
    void theCustomerIsApprovedAtOnceMayOrderAndIsWelcomed() {
        RegistrationRequest request = CloudSuiteRequests.company();
        SubmittedRegistration submitted = submitters.submit(RegistrationFlow.SHOP, request);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult();
        assertThat(instance).hasPassed("Task_ActivateCustomer").isWaitingAt("Task_SendWelcome");
        assertThat(registrations.findById(submitted.id()).orElseThrow())
                .satisfies(r -> assertThat(r.getState()).isEqualTo(ApprovalState.APPROVED))
                .satisfies(r -> assertThat(r.getProcessInstanceId()).isEqualTo(instance.getId()));
        assertThat(submitted.state()).isEqualTo(ApprovalState.APPROVED);

        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("Task_SendWelcome", "EndEvent_CustomerCanOrder");
        assertThat(TestSmtp.to(mail, request.user().email())).singleElement().satisfies(m -> {
            assertThat(TestSmtp.subject(m)).startsWith("Welcome");
            assertThat(TestSmtp.text(m)).contains(request.user().logonId(), "http://shop.test/store/login");
        });

        transactions.executeWithoutResult(status -> {
            Registration registration = registrations.findById(submitted.id()).orElseThrow();
            var user = users.findByLogonId(request.user().logonId()).orElseThrow();
            assertThat(registration.getOrganization().getId())
                    .isEqualTo(user.getOrganization().getId());
            assertThat(user.getOrganization().getState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(user.getOrganization().getParent().getName()).isEqualTo("Shop Customers");
            assertThat(user.isEnabled()).isTrue();
            var account = myAccount.of(user.getId());
            assertThat(account.mayOrder()).as("May order: Yes").isTrue();
            assertThat(account.roles()).containsExactly("Buyer", "Customer Superuser");
        });
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(TestRegistrations.PASSWORD));
        assertThat(registrations.findById(submitted.id()).orElseThrow().getSubmittedData())
                .doesNotContainIgnoringCase("password");
    }
}

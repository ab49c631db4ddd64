package com.b2bflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** registrationWithdrawal: the confirmation mail after a save point, once even when the job runs again. */
@ProcessTest
class RegistrationWithdrawalProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    TestMembers members;

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
    void theApplicantGetsTheConfirmationAfterASavePoint() throws Exception {
        Organization organization = members.buyerOrganization();
        User applicant = members.user(organization);
        String registrationId = transactions.execute(status -> {
            Registration registration = new Registration(RegistrationFlow.ORGANIZATION, "{}", applicant.getEmail());
            registration.setUser(applicant);
            registration.setOrganization(organization);
            registration.withdraw(applicant.getLogonId());
            return registrations.save(registration).getId();
        });

        ProcessInstance instance = runtime.startProcessInstanceByKey(
                Withdrawals.PROCESS_KEY, registrationId, Map.of(ProcessVariables.REGISTRATION_ID, registrationId));
        assertThat(instance).isWaitingAt("Task_ConfirmWithdrawal");
        assertThat(mail.getReceivedMessages()).isEmpty();

        jobs.executeAll();
        assertThat(instance).hasPassed("Task_ConfirmWithdrawal").isEnded().hasPassed("EndEvent_WithdrawalConfirmed");
        assertThat(TestSmtp.to(mail, applicant.getEmail()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.subject(m))
                        .isEqualTo("Your registration " + organization.getName() + " was withdrawn"));
    }
}

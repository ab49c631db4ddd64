package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With the BuyerRegistration policy's approval off, a registration is activated at once; seller admins still hear. */
@IntegrationTest
@TestPropertySource(properties = "app.registration.policies.BuyerRegistration.approval-required=false")
class OrgSelfRegistrationApprovalOffTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired RegistrationSubmitters registrations;
    @Autowired RegistrationRepository registrationRepository;
    @Autowired UserRepository users;
    @Autowired HistoryService history;
    @Autowired JobDriver jobs;

    @Test
    void activatesWithoutStaffTasks() {
        RegistrationRequest request = TestRegistrations.organization();
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.ORGANIZATION, request);
        jobs.executeAll();

        assertThat(registrationRepository.findById(submitted.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.APPROVED);
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().isEnabled()).isTrue();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(submitted.id()).count()).isZero();
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com")).isNotEmpty();
        assertThat(TestSmtp.to(mail, request.user().email())).extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.contains("is approved"));
    }
}

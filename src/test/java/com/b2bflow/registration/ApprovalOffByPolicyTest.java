package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.User;
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

/**
 * Registration policies with approval off, as an operator configures them: organizations, resellers and buyers are
 * activated at once, by the same models, without a staff task; the staff who would have reviewed them still hear.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "app.registration.policies.BuyerRegistration.approval-required=false",
            "app.registration.policies.ResellerRegistration.approval-required=false",
            "app.registration.policies.UserRegistration.approval-required=false"
        })
class ApprovalOffByPolicyTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    RegistrationSubmitters registrations;

    @Autowired
    RegistrationRepository registrationRepository;

    @Autowired
    UserRepository users;

    @Autowired
    HistoryService history;

    @Autowired
    JobDriver jobs;

    @Autowired
    com.b2bflow.account.OrderingEligibility ordering;

    @Test
    void anOrganizationIsActivatedWithoutStaffTasks() {
        RegistrationRequest request = TestRegistrations.organization();
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.ORGANIZATION, request);
        jobs.executeAll();

        assertActivatedWithoutTasks(submitted, request);
        assertThat(ordering.mayOrder(
                        users.findByLogonId(request.user().logonId()).orElseThrow()))
                .as("the policy's default account and contract let its buyers order")
                .isTrue();
        assertThat(TestSmtp.to(mail, "seller-admin@staff.example.com"))
                .as("no staff task, so no staff mail")
                .noneMatch(m -> TestSmtp.text(m).contains(submitted.id()));
        assertThat(TestSmtp.to(mail, request.user().email()))
                .extracting(TestSmtp::subject)
                .anyMatch(subject -> subject.contains("is approved"));
    }

    @Test
    void aResellerIsActivatedWithoutTheSiteAdminsApproval() {
        RegistrationRequest request = TestRegistrations.organization();
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.RESELLER, request);
        jobs.executeAll();

        assertActivatedWithoutTasks(submitted, request);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId(submitted))
                        .activityId("Task_ActivateReseller")
                        .count())
                .isOne();
    }

    @Test
    void aBuyerJoinsAnOrganizationWithoutItsApprovers() {
        RegistrationRequest organization = TestRegistrations.organization();
        registrations.submit(RegistrationFlow.ORGANIZATION, organization);
        jobs.executeAll();
        RegistrationRequest buyer =
                TestRegistrations.buyer(organization.organization().name());
        SubmittedRegistration submitted = registrations.submit(RegistrationFlow.BUYER, buyer);
        jobs.executeAll();

        assertActivatedWithoutTasks(submitted, buyer);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId(submitted))
                        .activityId("Task_ResolveApprovers")
                        .count())
                .as("no approvers looked for")
                .isZero();
    }

    private void assertActivatedWithoutTasks(SubmittedRegistration submitted, RegistrationRequest request) {
        assertThat(registrationRepository.findById(submitted.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.APPROVED);
        User user = users.findByLogonId(request.user().logonId()).orElseThrow();
        assertThat(user.isEnabled()).isTrue();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceBusinessKey(submitted.id())
                        .count())
                .as("staff tasks")
                .isZero();
    }

    private String processInstanceId(SubmittedRegistration submitted) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .singleResult()
                .getId();
    }
}

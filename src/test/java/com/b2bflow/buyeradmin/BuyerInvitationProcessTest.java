package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Roles;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.registration.UserData;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** buyerInvitation: the invitee registers through the mailed link, is created approved at once and welcomed. */
@ProcessTest
class BuyerInvitationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    Invitations invitations;

    @Autowired
    InvitationAcceptance acceptance;

    @Autowired
    UserRepository users;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestTenants tenants;

    @Autowired
    JobDriver jobs;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void init() throws Exception {
        AbstractAssertions.init(engine);
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theInviteeIsCreatedApprovedInTheOrganizationRecordedAsApprovedByTheInvitationAndWelcomed() {
        Tenant tenant = tenants.create();
        String email = TestRegistrations.unique("invitee") + "@example.com";
        InvitationView sent = invitations.invite(
                SuperuserUserCreationProcessTest.admin(tenant),
                tenant.subOrganizationId(),
                new Invitations.NewInvitation(email));
        String token = tokenFrom(only(email));
        assertThat(jdbc.queryForObject("select token_hash from invitation where id = ?", String.class, sent.id()))
                .as("only the token's hash is stored")
                .isNotEqualTo(token)
                .hasSize(64);

        String logonId = TestRegistrations.unique("nina");
        SubmittedRegistration registered = acceptance.accept(
                token,
                new UserData(
                        logonId,
                        TestRegistrations.PASSWORD,
                        TestRegistrations.PASSWORD,
                        "Nina",
                        null,
                        "Neu",
                        null,
                        null,
                        "de"),
                ConsentTerms.CURRENT);
        assertThat(registered.state()).isEqualTo(ApprovalState.APPROVED);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(registered.id())
                .singleResult();
        assertThat(instance)
                .hasPassed("Task_CreateBuyer")
                .isWaitingAt("Task_WelcomeBuyer")
                .variables()
                .containsEntry("invitedBy", tenant.admin())
                .containsEntry("organizationId", tenant.subOrganizationId());
        transactions.executeWithoutResult(status -> {
            var buyer = users.findByLogonId(logonId).orElseThrow();
            assertThat(buyer.getRegistrationState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(buyer.isEnabled()).isTrue();
            assertThat(buyer.getEmail()).as("the invitation's address").isEqualTo(email);
            assertThat(buyer.getOrganization().getId()).isEqualTo(tenant.subOrganizationId());
            assertThat(passwordEncoder.matches(TestRegistrations.PASSWORD, buyer.getPasswordHash()))
                    .isTrue();
            Registration registration = registrations.findById(registered.id()).orElseThrow();
            assertThat(registration.getDecidedBy())
                    .as("the invitation is the approval")
                    .isEqualTo(tenant.admin());
            assertThat(registration.getConsentVersion()).isEqualTo(ConsentTerms.CURRENT);
            assertThat(registration.getConsentAt()).isNotNull();
        });
        assertThat(jdbc.queryForList(
                        "select role_name from role_assignment where user_id = (select id from "
                                + "member_user where logon_id = ?)",
                        String.class,
                        logonId))
                .containsExactly(Roles.BUYER);
        assertThat(invitations.list(SuperuserUserCreationProcessTest.admin(tenant), tenant.subOrganizationId()))
                .singleElement()
                .satisfies(view -> {
                    assertThat(view.state()).isEqualTo(InvitationState.ACCEPTED);
                    assertThat(view.acceptedLogonId()).isEqualTo(logonId);
                });

        jobs.executeAll();
        assertThat(instance).isEnded().hasPassed("Task_WelcomeBuyer", "EndEvent_BuyerJoined");
        List<MimeMessage> received = TestSmtp.to(mail, email);
        assertThat(received).hasSize(2);
        assertThat(TestSmtp.subject(received.get(1))).startsWith("Willkommen");
        assertThat(TestSmtp.text(received.get(1))).contains(logonId).contains("/store/login");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue()))
                        .doesNotContain(token)
                        .doesNotContain(TestRegistrations.PASSWORD));
    }

    private MimeMessage only(String email) {
        List<MimeMessage> received = TestSmtp.to(mail, email);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    static String tokenFrom(MimeMessage message) {
        Matcher matcher = Pattern.compile("/store/invitations/([A-Za-z0-9_-]+)").matcher(TestSmtp.text(message));
        assertThat(matcher.find()).as("invitation link in the mail").isTrue();
        return matcher.group(1);
    }
}

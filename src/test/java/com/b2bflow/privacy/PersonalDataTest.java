package com.b2bflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.privacy.PrivacyFixtures.Registrant;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.support.DatabaseSearch;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** GDPR: withdrawal by the applicant, data export (own and by staff), erasure by staff. */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class PersonalDataTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    UserRepository users;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    AuditEventRepository audit;

    @Autowired
    TestMembers members;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void anApplicantWithdrawsAPendingRegistrationWithTheirCredentials() throws Exception {
        Registrant registrant = PrivacyFixtures.submit(mvc, json);
        jobs.executeAll();
        Registration pending = registrations.findById(registrant.id()).orElseThrow();
        String instanceId = pending.getProcessInstanceId();
        assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count())
                .isOne();

        String wrongPassword = PrivacyFixtures.withdraw(mvc, json, registrant.id(), registrant.logonId(), "wrong pass")
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String wrongLogonId = PrivacyFixtures.withdraw(
                        mvc, json, registrant.id(), "someone-else", TestRegistrations.PASSWORD)
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String wrongId = PrivacyFixtures.withdraw(
                        mvc, json, "no-such-registration", registrant.logonId(), TestRegistrations.PASSWORD)
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(wrongPassword).get("detail").asText()).isEqualTo(WithdrawalRefusedException.MESSAGE);
        assertThat(json.readTree(wrongLogonId).get("detail"))
                .isEqualTo(json.readTree(wrongPassword).get("detail"));
        assertThat(json.readTree(wrongId).get("detail"))
                .isEqualTo(json.readTree(wrongPassword).get("detail"));
        assertThat(users.findByLogonId(registrant.logonId()).orElseThrow().getFailedLoginCount())
                .as("a wrong password, and a wrong id with this logon id, count like failed sign-ins")
                .isEqualTo(2);
        assertThat(registrations.findById(registrant.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.PENDING);

        PrivacyFixtures.withdraw(
                        mvc, json, registrant.id(), registrant.logonId().toUpperCase(), TestRegistrations.PASSWORD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.decision").value("WITHDRAWN"));

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getDeleteReason())
                .isEqualTo(Withdrawals.DELETE_REASON);
        assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count())
                .isZero();
        User user = users.findByLogonId(registrant.logonId()).orElseThrow();
        assertThat(user.getRegistrationState()).isEqualTo(ApprovalState.WITHDRAWN);
        assertThat(user.isEnabled()).isFalse();
        assertThat(audit.findByTargetTypeAndTargetIdOrderByOccurredAt("Registration", registrant.id()))
                .extracting(AuditEvent::getAction)
                .contains("REGISTRATION_WITHDRAWN");

        jobs.executeAll();
        assertThat(TestSmtp.to(mail, registrant.email()))
                .filteredOn(m -> TestSmtp.subject(m).contains("withdrawn"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(TestSmtp.subject(m))
                            .isEqualTo("Your registration "
                                    + registrant.request().organization().name() + " was withdrawn");
                    assertThat(TestSmtp.text(m)).contains(registrant.id(), "erased in 30 days");
                });

        PrivacyFixtures.withdraw(mvc, json, registrant.id(), registrant.logonId(), TestRegistrations.PASSWORD)
                .andExpect(status().isConflict());
        PrivacyFixtures.withdraw(mvc, json, registrant.id(), registrant.logonId(), "wrong pass")
                .andExpect(status().isForbidden());
    }

    @Test
    void theStatusPageLinkedFromTheReceivedMailLetsTheApplicantWithdraw() throws Exception {
        Registrant registrant = PrivacyFixtures.submit(mvc, json);
        jobs.executeAll();
        assertThat(TestSmtp.to(mail, registrant.email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m))
                        .contains("/store/registration/" + registrant.id(), "withdraw your registration"));
        mvc.perform(get("/store/registration/{id}", registrant.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Withdraw my registration")));

        mvc.perform(post("/store/registration/{id}/withdraw", registrant.id())
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", registrant.logonId())
                        .param("password", "wrong pass"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"withdraw-error\"")));
        mvc.perform(post("/store/registration/{id}/withdraw", registrant.id())
                        .param("logonId", registrant.logonId())
                        .param("password", TestRegistrations.PASSWORD))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(registrations.findById(registrant.id()).orElseThrow().getState())
                .isEqualTo(ApprovalState.PENDING);

        mvc.perform(post("/store/registration/{id}/withdraw", registrant.id())
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", registrant.logonId())
                        .param("password", TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/registration/" + registrant.id()));
        mvc.perform(get("/store/registration/{id}", registrant.id()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"registration-withdrawn\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("Withdraw my registration"))));
    }

    @Test
    void aSignedInUserExportsTheirOwnDataWithoutSecrets() throws Exception {
        Organization organization = members.buyerOrganization();
        User buyer = members.user(organization, Roles.BUYER_ADMINISTRATOR);
        String body = mvc.perform(get("/api/me/data").with(user(TestMembers.principal(buyer))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.logonId").value(buyer.getLogonId()))
                .andExpect(jsonPath("$.profile.email").value(buyer.getEmail()))
                .andExpect(jsonPath("$.organization.name").value(organization.getName()))
                .andExpect(jsonPath("$.roles[0].role").value(Roles.BUYER_ADMINISTRATOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertNoSecrets(body, users.findById(buyer.getId()).orElseThrow());
        mvc.perform(get("/api/me/data")).andExpect(status().isUnauthorized());
    }

    @Test
    void staffExportAPendingRegistrantsDataForADataSubjectRequest() throws Exception {
        Registrant registrant = PrivacyFixtures.submit(mvc, json);
        jobs.executeAll();
        User user = users.findByLogonId(registrant.logonId()).orElseThrow();

        String body = mvc.perform(
                        get("/api/staff/users/{id}/data", user.getId()).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode data = json.readTree(body);
        assertThat(data.at("/profile/firstName").asText())
                .isEqualTo(registrant.request().user().firstName());
        assertThat(data.at("/profile/registrationState").asText()).isEqualTo("PENDING");
        assertThat(data.at("/addresses/0/address1").asText())
                .isEqualTo(registrant.request().address().address1());
        assertThat(data.at("/registrations/0/id").asText()).isEqualTo(registrant.id());
        assertThat(data.at("/registrations/0/state").asText()).isEqualTo("PENDING");
        assertThat(data.at("/registrations/0/submittedData/organization/name").asText())
                .isEqualTo(registrant.request().organization().name());
        assertThat(data.at("/notifications/0/subject").asText())
                .isEqualTo("We received your registration of "
                        + registrant.request().organization().name());
        assertNoSecrets(body, user);

        mvc.perform(get("/api/staff/users/{id}/data", user.getId()).with(httpBasic("csr", "demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/staff/users/{id}/data", user.getId()).with(httpBasic("backoffice", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/users/{id}/data", user.getId())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/staff/users/{id}/data", 987654321L).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNotFound());
        assertThat(audit.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(user.getId())))
                .filteredOn(e -> e.getAction().equals("PERSONAL_DATA_EXPORTED"))
                .extracting(AuditEvent::getActor)
                .containsExactly("seller-admin", "csr");
    }

    @Test
    void staffEraseARegistrantAndNoPersonalDataIsLeftAnywhere() throws Exception {
        Registrant registrant = PrivacyFixtures.submit(mvc, json);
        jobs.executeAll();
        Registration registration = registrations.findById(registrant.id()).orElseThrow();
        String instanceId = registration.getProcessInstanceId();
        User user = users.findByLogonId(registrant.logonId()).orElseThrow();
        assertThat(DatabaseSearch.find(dataSource, registrant.personalStrings()))
                .isNotEmpty();

        mvc.perform(delete("/api/staff/users/{id}/personal-data", user.getId()).with(httpBasic("backoffice", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/staff/users/{id}/personal-data", user.getId()).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNoContent());

        assertThat(DatabaseSearch.find(dataSource, registrant.personalStrings()))
                .isEmpty();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(registrant.id())
                        .count())
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(instanceId)
                        .count())
                .isZero();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(instanceId)
                        .count())
                .isZero();
        Registration erased = registrations.findById(registrant.id()).orElseThrow();
        assertThat(erased.getState()).as("a pending registration is withdrawn").isEqualTo(ApprovalState.WITHDRAWN);
        assertThat(erased.getSubmittedData()).isEqualTo("{}");
        User placeholder = users.findById(user.getId()).orElseThrow();
        assertThat(placeholder.getLogonId()).isEqualTo("erased-" + user.getId());
        assertThat(placeholder.getPasswordHash()).isNull();
        assertThat(placeholder.isEnabled()).isFalse();
        assertThat(audit.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(user.getId())))
                .filteredOn(e -> e.getAction().equals("PERSONAL_DATA_ERASED"))
                .extracting(AuditEvent::getActor)
                .containsExactly("seller-admin");
        assertThat(audit.findByTargetTypeAndTargetIdOrderByOccurredAt("Registration", registrant.id()))
                .as("the audit trail stays, without personal details")
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getDetails()).isEqualTo(PersonalDataErasure.ERASED));

        // erasing twice is harmless
        mvc.perform(delete("/api/staff/users/{id}/personal-data", user.getId()).with(httpBasic("site-admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/staff/users/{id}/personal-data", 987654321L).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void invitationsAreInTheExportOfBothSidesAndGoWithTheErasure() throws Exception {
        Organization organization = members.buyerOrganization();
        User inviter = members.user(organization, Roles.BUYER_ADMINISTRATOR);
        members.user(organization, Roles.BUYER_ADMINISTRATOR);
        String invitee = TestRegistrations.unique("invitee") + "@invited.example.com";
        mvc.perform(post("/api/me/organizations/{id}/invitations", organization.getId())
                        .with(user(TestMembers.principal(inviter)))
                        .with(StorefrontCsrf.token(mvc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + invitee + "\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/me/data").with(user(TestMembers.principal(inviter))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invitations[0].email").value(invitee))
                .andExpect(jsonPath("$.invitations[0].invitedBy").value(inviter.getLogonId()))
                .andExpect(jsonPath("$.invitations[0].organizationName").value(organization.getName()))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("tokenHash"))));

        mvc.perform(delete("/api/staff/users/{id}/personal-data", inviter.getId())
                        .with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNoContent());
        assertThat(DatabaseSearch.find(dataSource, inviter.getLogonId(), inviter.getEmail()))
                .isEmpty();
        assertThat(DatabaseSearch.find(dataSource, invitee))
                .as("the invitation stays, its sender erased")
                .isNotEmpty();
    }

    @Test
    void theLastAdministratorOfAnActiveOrganizationIsNotErased() throws Exception {
        Organization organization = members.buyerOrganization();
        User admin = members.user(organization, Roles.BUYER_ADMINISTRATOR);
        User buyer = members.user(organization, Roles.BUYER);

        mvc.perform(delete("/api/staff/users/{id}/personal-data", admin.getId())
                        .with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isConflict())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("last active administrator")));
        assertThat(users.findById(admin.getId()).orElseThrow().getLogonId()).isEqualTo(admin.getLogonId());

        mvc.perform(delete("/api/staff/users/{id}/personal-data", buyer.getId())
                        .with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNoContent());
        assertThat(DatabaseSearch.find(dataSource, buyer.getLogonId(), buyer.getEmail()))
                .isEmpty();
    }

    private static void assertNoSecrets(String body, User user) {
        assertThat(body)
                .doesNotContain(user.getPasswordHash())
                .doesNotContain(TestRegistrations.PASSWORD)
                .doesNotContainIgnoringCase("passwordHash")
                .doesNotContainIgnoringCase("\"password")
                .doesNotContainIgnoringCase("token")
                .doesNotContain("$2a$")
                .doesNotContain("{bcrypt}");
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }
}

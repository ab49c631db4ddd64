package com.b2bflow.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * My Account's profile and password pages over HTTP: each refusal names its field, a saved profile and a changed
 * password are audited, the change is mailed to the user in their language, and the session stays signed in.
 */
@IntegrationTest
class MyAccountProfileTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final String NEW_PASSWORD = "copper lantern meadow";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    UserRepository users;

    @Autowired
    AuditEventRepository audit;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theProfileRefusesBadFieldsByNameAndSavesAndAuditsGoodOnes() throws Exception {
        TestTenants.Tenant tenant = tenants.create();
        MockHttpSession session = signIn(tenant.buyer(), TestRegistrations.PASSWORD);

        mvc.perform(get("/store/account/profile").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"receiveEmail-yes\"")));
        mvc.perform(post("/store/account/profile")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("lastName", "Buyer")
                        .param("phone", "call me")
                        .param("preferredLanguage", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"phone-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"preferredLanguage-error\"")));
        mvc.perform(patch("/api/me/profile")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preferredCurrency\":\"euro\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("preferredCurrency"));

        mvc.perform(post("/store/account/profile")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("firstName", "Beatrix")
                        .param("lastName", "Buyer")
                        .param("phone", "+49 30 555")
                        .param("preferredLanguage", "de")
                        .param("preferredCurrency", "CHF")
                        .param("receiveEmail", "true"))
                .andExpect(redirectedUrl("/store/account/profile"));

        User saved = users.findById(tenant.buyerId()).orElseThrow();
        assertThat(List.of(
                        saved.getFirstName(),
                        saved.getPhone(),
                        saved.getPreferredLanguage(),
                        saved.getPreferredCurrency()))
                .containsExactly("Beatrix", "+49 30 555", "de", "CHF");
        assertThat(saved.getReceiveEmail()).isTrue();
        assertThat(eventsOf(tenant.buyerId(), "PROFILE_UPDATED"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getActor()).isEqualTo(tenant.buyer());
                    assertThat(String.valueOf(event.getDetails()))
                            .contains("\"before\"", "\"phone\":\"+49 30 555\"", "\"preferredCurrency\":\"CHF\"");
                });
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOneAndAPasswordThePolicyAccepts() throws Exception {
        TestTenants.Tenant tenant = tenants.create();
        transactions.executeWithoutResult(
                status -> users.findById(tenant.approverId()).orElseThrow().setPreferredLanguage("de"));
        MockHttpSession session = signIn(tenant.approver(), TestRegistrations.PASSWORD);
        mail.purgeEmailFromAllMailboxes();

        changePassword(session, "not my password", NEW_PASSWORD, NEW_PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"currentPassword-error\"")));
        changePassword(session, TestRegistrations.PASSWORD, "short", "short")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"newPassword-error\"")))
                .andExpect(content().string(Matchers.containsString("12 to 64 characters long")));
        mvc.perform(post("/api/me/password")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TestRegistrations.PASSWORD + "\",\"newPassword\":\""
                                + tenant.approver() + "-secret-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        assertThat(encoder.matches(
                        TestRegistrations.PASSWORD,
                        users.findById(tenant.approverId()).orElseThrow().getPasswordHash()))
                .as("refused changes keep the password")
                .isTrue();

        changePassword(session, TestRegistrations.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
                .andExpect(redirectedUrl("/store/account/profile"));

        assertThat(encoder.matches(
                        NEW_PASSWORD,
                        users.findById(tenant.approverId()).orElseThrow().getPasswordHash()))
                .isTrue();
        mvc.perform(get("/store/account").session(session)).andExpect(status().isOk());
        assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1))
                .isTrue();
        String address = users.findById(tenant.approverId()).orElseThrow().getEmail();
        assertThat(TestSmtp.to(mail, address)).singleElement().satisfies(notice -> {
            assertThat(notice.getSubject())
                    .isEqualTo("Das Passwort Ihres Kontos " + tenant.approver() + " wurde geändert");
            assertThat(TestSmtp.text(notice)).contains("unter Mein Konto").doesNotContain(NEW_PASSWORD);
        });
        assertThat(eventsOf(tenant.approverId(), "PASSWORD_CHANGED"))
                .singleElement()
                .satisfies(event -> assertThat(String.valueOf(event.getDetails()))
                        .doesNotContain(NEW_PASSWORD, TestRegistrations.PASSWORD));
        mvc.perform(StorefrontSignIn.form(mvc, tenant.approver(), NEW_PASSWORD))
                .andExpect(redirectedUrl("/store/account"));
    }

    private org.springframework.test.web.servlet.ResultActions changePassword(
            MockHttpSession session, String current, String replacement, String verify) throws Exception {
        return mvc.perform(post("/store/account/password")
                .session(session)
                .with(StorefrontCsrf.token(mvc))
                .param("currentPassword", current)
                .param("newPassword", replacement)
                .param("newPasswordVerify", verify));
    }

    private MockHttpSession signIn(String logonId, String password) throws Exception {
        return (MockHttpSession) mvc.perform(StorefrontSignIn.form(mvc, logonId, password))
                .andExpect(redirectedUrl("/store/account"))
                .andReturn()
                .getRequest()
                .getSession();
    }

    private List<AuditEvent> eventsOf(long userId, String action) {
        return audit.findAll().stream()
                .filter(event -> String.valueOf(userId).equals(event.getTargetId()))
                .filter(event -> action.equals(event.getAction()))
                .toList();
    }
}

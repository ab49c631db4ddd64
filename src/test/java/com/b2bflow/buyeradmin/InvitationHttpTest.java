package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The invitations' HTTP contract: a buyer administrator invites by email, the mail links the storefront page, the
 * invitee registers through {@code POST /api/invitations/{token}} and signs in at once; a used, revoked or expired
 * invitation is a 410; another organization's administrator gets a 404; every step is audited.
 */
@IntegrationTest
class InvitationHttpTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    Tenant tenant;
    MockHttpSession admin;

    @BeforeEach
    void init() throws Exception {
        tenant = tenants.create();
        admin = signIn(tenant.admin());
    }

    @Test
    void theInviteeRegistersThroughTheMailedLinkAndSignsInAtOnce() throws Exception {
        String email = TestRegistrations.unique("invitee") + "@example.com";
        JsonNode created = invite(tenant.subOrganizationId(), email);
        long id = created.get("id").asLong();
        assertThat(created.get("expiresAt").asText()).isNotBlank();
        assertThat(created.size()).as("{id, expiresAt}").isEqualTo(2);
        String token =
                BuyerInvitationProcessTest.tokenFrom(TestSmtp.to(mail, email).get(0));
        mvc.perform(get(invitations(tenant.subOrganizationId())).session(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].state").value("PENDING"))
                .andExpect(jsonPath("$[0].email").value(email));
        mvc.perform(get("/store/invitations/" + token).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ihrer Organisation beitreten")))
                .andExpect(content().string(containsString(email)));

        mvc.perform(post("/store/invitations/" + token)
                        .with(StorefrontCsrf.token(mvc))
                        .header("Accept-Language", "de")
                        .param("user.logonId", "nina-page")
                        .param("user.lastName", "Neu")
                        .param("user.password", "short")
                        .param("user.passwordVerify", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"user.password-error\"")))
                .andExpect(content().string(containsString("id=\"consentVersion-error\"")))
                .andExpect(content().string(containsString("Setzen Sie das Häkchen")))
                .andExpect(content().string(containsString("value=\"nina-page\"")));
        mvc.perform(accept(token, "nina-api", null).content("{\"user\":" + user("nina-api", null) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consentVersion"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Tick the box to agree to the terms of use and the privacy notice"));

        String logonId = TestRegistrations.unique("nina");
        mvc.perform(post("/store/invitations/" + token)
                        .with(StorefrontCsrf.token(mvc))
                        .param("user.logonId", logonId)
                        .param("user.lastName", "Neu")
                        .param("user.password", TestRegistrations.PASSWORD)
                        .param("user.passwordVerify", TestRegistrations.PASSWORD)
                        .param("consentVersion", ConsentTerms.CURRENT))
                .andExpect(redirectedUrl("/store/login?invited"));
        assertThat(jdbc.queryForMap(
                        "select r.consent_version, r.consent_at from registration r "
                                + "join member_user u on r.user_id = u.id where u.logon_id = ?",
                        logonId))
                .containsEntry("CONSENT_VERSION", ConsentTerms.CURRENT)
                .extractingByKey("CONSENT_AT")
                .isNotNull();
        mvc.perform(StorefrontSignIn.form(mvc, logonId, TestRegistrations.PASSWORD))
                .andExpect(redirectedUrl("/store/account"));

        mvc.perform(accept(token, TestRegistrations.unique("again"), null))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.state").value("ACCEPTED"));
        mvc.perform(get("/store/invitations/" + token)).andExpect(status().isGone());
        mvc.perform(get(invitations(tenant.subOrganizationId())).session(admin))
                .andExpect(jsonPath("$[0].state").value("ACCEPTED"))
                .andExpect(jsonPath("$[0].acceptedLogonId").value(logonId));
        assertThat(audit(id)).containsExactly("INVITATION_SENT", "INVITATION_ACCEPTED");
    }

    @Test
    void aRevokedOrExpiredInvitationIsGoneAndTheEmailIsTheInvitations() throws Exception {
        String revokedEmail = TestRegistrations.unique("revoked") + "@example.com";
        long revoked = invite(tenant.organizationId(), revokedEmail).get("id").asLong();
        String revokedToken = BuyerInvitationProcessTest.tokenFrom(
                TestSmtp.to(mail, revokedEmail).get(0));
        mvc.perform(delete(invitations(tenant.organizationId()) + "/" + revoked)
                        .session(admin)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isNoContent());
        mvc.perform(delete(invitations(tenant.organizationId()) + "/" + revoked)
                        .session(admin)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isNoContent());
        mvc.perform(accept(revokedToken, TestRegistrations.unique("late"), null))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.state").value("REVOKED"));
        assertThat(audit(revoked)).containsExactly("INVITATION_SENT", "INVITATION_REVOKED");

        String expiredEmail = TestRegistrations.unique("expired") + "@example.com";
        long expired = invite(tenant.organizationId(), expiredEmail).get("id").asLong();
        String expiredToken = BuyerInvitationProcessTest.tokenFrom(
                TestSmtp.to(mail, expiredEmail).get(0));
        jdbc.update("update invitation set expires_at = created_at where id = ?", expired);
        mvc.perform(accept(expiredToken, TestRegistrations.unique("late"), null))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.state").value("EXPIRED"));
        mvc.perform(get(invitations(tenant.organizationId())).session(admin))
                .andExpect(jsonPath("$[?(@.id == " + expired + ")].state").value("EXPIRED"))
                .andExpect(jsonPath("$[?(@.id == " + revoked + ")].state").value("REVOKED"));
        mvc.perform(accept("not-a-token", TestRegistrations.unique("late"), null))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.state").value("UNKNOWN"));

        String email = TestRegistrations.unique("pending") + "@example.com";
        invite(tenant.organizationId(), email);
        String token =
                BuyerInvitationProcessTest.tokenFrom(TestSmtp.to(mail, email).get(0));
        mvc.perform(accept(token, TestRegistrations.unique("other"), "someone.else@example.com"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("user.email"));
        mvc.perform(accept(token, "x", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("user.logonId"));
        mvc.perform(accept(token, tenant.buyer(), null)).andExpect(status().isConflict());
        mvc.perform(accept(token, TestRegistrations.unique("same"), email.toUpperCase()))
                .andExpect(status().isCreated());
    }

    @Test
    void anotherOrganizationsAdministratorNeitherSeesNorTouchesTheInvitations() throws Exception {
        String email = TestRegistrations.unique("mine") + "@example.com";
        long id = invite(tenant.organizationId(), email).get("id").asLong();
        Tenant other = tenants.create();
        MockHttpSession stranger = signIn(other.admin());
        mvc.perform(get(invitations(tenant.organizationId())).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(delete(invitations(tenant.organizationId()) + "/" + id)
                        .session(stranger)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isNotFound());
        mvc.perform(delete(invitations(other.organizationId()) + "/" + id)
                        .session(stranger)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isNotFound());
        mvc.perform(post(invitations(tenant.organizationId()))
                        .session(stranger)
                        .with(StorefrontCsrf.token(mvc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.com\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(invitations(tenant.organizationId()))
                        .session(admin)
                        .with(StorefrontCsrf.token(mvc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not an address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get(invitations(tenant.organizationId())).session(admin))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].state").value("PENDING"));
    }

    private JsonNode invite(long organizationId, String email) throws Exception {
        String body = mvc.perform(post(invitations(organizationId))
                        .session(admin)
                        .with(StorefrontCsrf.token(mvc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private static MockHttpServletRequestBuilder accept(String token, String logonId, String email) {
        return post("/api/invitations/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":" + user(logonId, email) + ",\"consentVersion\":\"" + ConsentTerms.CURRENT + "\"}");
    }

    private static String user(String logonId, String email) {
        return "{\"logonId\":\"" + logonId + "\",\"password\":\"" + TestRegistrations.PASSWORD
                + "\",\"firstName\":\"Nina\",\"lastName\":\"Neu\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"")
                + "}";
    }

    private static String invitations(long organizationId) {
        return "/api/me/organizations/" + organizationId + "/invitations";
    }

    private java.util.List<String> audit(long invitationId) {
        return jdbc.queryForList(
                "select action from audit_event where target_type = 'Invitation' and target_id = ?" + " order by id",
                String.class,
                String.valueOf(invitationId));
    }

    private MockHttpSession signIn(String logonId) throws Exception {
        return (MockHttpSession) mvc.perform(StorefrontSignIn.form(mvc, logonId, TestRegistrations.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }
}

package com.b2bflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may decide a buyer registration: its resolved approvers and the buyer administrators above them; nobody
 * else (403), not twice (409), not without a session (401) or CSRF token (403).
 */
@IntegrationTest
class BuyerApprovalAuthorizationTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobDriver jobs;

    @Autowired
    TestMembers members;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    UserRepository users;

    Organization organization;
    Organization division;
    User admin;
    User approver;
    User buyer;
    User divisionAdmin;
    User otherApprover;
    User otherAdmin;

    @BeforeEach
    void init() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        organization = members.buyerOrganization();
        division = members.subOrganization(organization, "Division");
        admin = members.user(organization, "Buyer Administrator");
        approver = members.user(division, "Buyer Approver");
        buyer = members.user(division, "Buyer");
        divisionAdmin = members.user(members.subOrganization(division, "Team"), "Buyer Administrator");
        members.approvers(division, approver);
        Organization other = members.buyerOrganization();
        otherApprover = members.user(other, "Buyer Approver");
        otherAdmin = members.user(other, "Buyer Administrator");
        members.approvers(other, otherApprover);
    }

    @Test
    void onlyTheApproversAndTheBuyerAdministratorsAboveThemMayDecide() throws Exception {
        String id = pendingRegistration(organization.getName() + "/Division/Team");

        for (User outsider : List.of(buyer, divisionAdmin, otherApprover, otherAdmin)) {
            mvc.perform(get("/api/me/approvals").with(as(outsider)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(id))));
            mvc.perform(decide(id, true).with(as(outsider)).with(StorefrontCsrf.token(mvc)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail", containsString("Only the organization's registration approvers")));
            mvc.perform(post("/store/account/approvals/{id}", id)
                            .param("approved", "true")
                            .with(as(outsider))
                            .with(StorefrontCsrf.token(mvc)))
                    .andExpect(status().isForbidden());
        }
        User applicant = users.findById(
                        registrations.findById(id).orElseThrow().getUser().getId())
                .orElseThrow();
        mvc.perform(decide(id, true)
                        .with(user(TestMembers.principal(applicant)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You cannot decide your own registration"));
        mvc.perform(decide(id, true).with(staff()).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isForbidden());
        assertThat(registrations.findById(id).orElseThrow().getState()).isEqualTo(ApprovalState.PENDING);

        mvc.perform(get("/api/me/approvals").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)));
        mvc.perform(get("/api/me/approvals").with(as(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)));
        mvc.perform(decide(id, true).with(as(admin)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));
        mvc.perform(decide(id, false).with(as(approver)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This registration was decided already"));
        mvc.perform(decide(id, true).with(as(otherApprover)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutSessionOrCsrfTokenNothingIsDecided() throws Exception {
        String id = pendingRegistration(organization.getName() + "/Division");
        mvc.perform(get("/api/me/approvals")).andExpect(status().isUnauthorized());
        mvc.perform(decide(id, true).with(StorefrontCsrf.token(mvc))).andExpect(status().isUnauthorized());
        mvc.perform(decide(id, true).with(as(approver))).andExpect(status().isForbidden());
        mvc.perform(get("/store/account/approvals").accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
        assertThat(registrations.findById(id).orElseThrow().getState()).isEqualTo(ApprovalState.PENDING);

        mvc.perform(decide("no-such-registration", true).with(as(approver)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isNotFound());
        String organizationRegistration = submitters
                .submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization())
                .id();
        mvc.perform(decide(organizationRegistration, true).with(as(approver)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDecisionNeedsAnOutcomeAndARejectionAReason() throws Exception {
        String id = pendingRegistration(organization.getName() + "/Division");
        mvc.perform(postJson("/api/me/approvals/" + id, Map.of())
                        .with(as(approver))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("approved"));
        mvc.perform(decide(id, false).with(as(approver)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rejectionReason"));
        mvc.perform(postJson("/api/me/approvals/" + id, Map.of("approved", false, "rejectionReason", "x".repeat(2001)))
                        .with(as(approver))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rejectionReason"));
        mvc.perform(post("/api/me/approvals/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approved\": \"maybe\"}")
                        .with(as(approver))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest());
        assertThat(registrations.findById(id).orElseThrow().getState()).isEqualTo(ApprovalState.PENDING);

        mvc.perform(postJson("/api/me/approvals/" + id, Map.of("approved", false, "rejectionReason", "Not ours"))
                        .with(as(approver))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REJECTED"));
    }

    /** A single-page client: the XSRF-TOKEN cookie sent back raw in the X-XSRF-TOKEN header. */
    @Test
    void aJsonClientSendsTheCsrfCookieBackInTheHeader() throws Exception {
        String id = pendingRegistration(organization.getName() + "/Division");
        MvcResult me = mvc.perform(get("/api/me").with(as(approver)))
                .andExpect(status().isOk())
                .andReturn();
        Cookie token = me.getResponse().getCookie("XSRF-TOKEN");
        assertThat(token).isNotNull();
        mvc.perform(decide(id, true).with(as(approver)).cookie(token).header("X-XSRF-TOKEN", "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(decide(id, true).with(as(approver)).cookie(token).header("X-XSRF-TOKEN", token.getValue()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));
    }

    private String pendingRegistration(String organizationName) {
        String id = submitters
                .submit(RegistrationFlow.BUYER, TestRegistrations.buyer(organizationName))
                .id();
        jobs.executeAll();
        return id;
    }

    private MockHttpServletRequestBuilder decide(String id, boolean approved) throws Exception {
        return postJson("/api/me/approvals/" + id, Map.of("approved", approved));
    }

    private MockHttpServletRequestBuilder postJson(String path, Object body) throws Exception {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private static RequestPostProcessor as(User user) {
        return user(TestMembers.principal(user));
    }

    private static RequestPostProcessor staff() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal("csr", "Casey Service", List.of("customer-service")),
                null,
                List.of(
                        new SimpleGrantedAuthority(StaffPrincipal.STAFF),
                        new SimpleGrantedAuthority(StaffPrincipal.group("customer-service")))));
    }
}

package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Buyer self-registration through the JSON API and the storefront page, its bad input, and the approvers' side in
 * the storefront: the approvals page and {@code /api/me/approvals}.
 */
@IntegrationTest
class BuyerSelfRegistrationIntegrationTest {

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
    UserRepository users;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    RegistrationParents parents;

    Organization organization;
    User approver;

    @BeforeEach
    void init() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        organization = members.buyerOrganization();
        members.user(organization, "Buyer Administrator");
        approver = members.user(organization, "Buyer Approver");
        members.approvers(organization, approver);
    }

    @Test
    void jsonApi() throws Exception {
        RegistrationRequest request =
                TestRegistrations.buyer(organization.getName().toUpperCase());
        String id = submit(request);
        jobs.executeAll();

        mvc.perform(get("/api/registrations/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flow").value("buyer"))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.step").value("Task_ApproveBuyer"))
                .andExpect(jsonPath("$.organizationId").value(organization.getId()));
        assertThat(TestSmtp.to(mail, approver.getEmail())).hasSize(1);
        assertThat(TestSmtp.to(mail, request.user().email()))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.subject(m)).contains("as a buyer of " + organization.getName()));
        mvc.perform(postJson("/api/registrations/buyer", TestRegistrations.body(request)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("user.logonId"));
        Map<String, Object> staffLogon = TestRegistrations.body(TestRegistrations.buyer(organization.getName()));
        ((Map<String, Object>) staffLogon.get("user")).put("logonId", "site-admin");
        mvc.perform(postJson("/api/registrations/buyer", staffLogon)).andExpect(status().isConflict());
    }

    /** Unknown, pending, rejected and seller-side organizations all get the same answer; nothing is stored. */
    @Test
    void onlyApprovedCustomerOrganizationsCanBeJoinedAndTheAnswerRevealsNothing() throws Exception {
        Organization pending = members.organization(
                TestRegistrations.unique("pending"),
                parents.parentIdFor(RegistrationType.BuyerRegistration),
                OrganizationType.O,
                ApprovalState.PENDING);
        Organization rejected = members.organization(
                TestRegistrations.unique("rejected"),
                parents.parentIdFor(RegistrationType.BuyerRegistration),
                OrganizationType.O,
                ApprovalState.REJECTED);
        Organization underPending = members.subOrganization(pending, TestRegistrations.unique("unit"));
        Organization shopCustomer = members.organization(
                TestRegistrations.unique("shop"),
                parents.parentIdFor(RegistrationType.ShopRegistration),
                OrganizationType.O,
                ApprovalState.APPROVED);
        for (String name : new String[] {
            "No Such Organization Ltd",
            pending.getName(),
            rejected.getName(),
            underPending.getName(),
            shopCustomer.getName(),
            "Seller",
            "Buyer Organizations",
            "Root Organization",
            "Seller/Buyer Organizations"
        }) {
            RegistrationRequest request = TestRegistrations.buyer(name);
            mvc.perform(postJson("/api/registrations/buyer", TestRegistrations.body(request)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("organization.name"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value(com.b2bflow.shared.Texts.text("validation.organizationNotJoinable")));
            assertThat(users.findByLogonId(request.user().logonId())).as(name).isEmpty();
        }
    }

    @Test
    void badInput() throws Exception {
        Map<String, Object> details = TestRegistrations.body(TestRegistrations.buyer(organization.getName()));
        ((Map<String, Object>) details.get("organization")).put("taxId", "DE123");
        mvc.perform(postJson("/api/registrations/buyer", details))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organization.taxId"));

        Map<String, Object> invalid = TestRegistrations.body(TestRegistrations.buyer(""));
        ((Map<String, Object>) invalid.get("user")).put("email", "no");
        ((Map<String, Object>) invalid.get("user")).put("passwordVerify", "something else");
        mvc.perform(postJson("/api/registrations/buyer", invalid))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", hasItems("organization.name", "user.email", "user.passwordVerify")));
        mvc.perform(post("/api/registrations/buyer")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\": 3"))
                .andExpect(status().isBadRequest());

        members.subOrganization(organization, "Purchasing");
        members.subOrganization(members.buyerOrganization(), "Purchasing");
        mvc.perform(postJson("/api/registrations/buyer", TestRegistrations.body(TestRegistrations.buyer("Purchasing"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("Several organizations")));
        mvc.perform(postJson(
                        "/api/registrations/buyer",
                        TestRegistrations.body(TestRegistrations.buyer(organization.getName() + " / Purchasing"))))
                .andExpect(status().isCreated());
    }

    @Test
    void storefrontPages() throws Exception {
        mvc.perform(get("/store/register/buyer"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Register as a buyer")))
                .andExpect(content().string(containsString("Organization to join")))
                .andExpect(content().string(not(containsString("organization.taxId"))));

        RegistrationRequest request = TestRegistrations.buyer(organization.getName());
        MvcResult result =
                mvc.perform(form(request)).andExpect(status().isFound()).andReturn();
        String id = result.getResponse().getRedirectedUrl().replace("/store/registration/", "");
        mvc.perform(form(TestRegistrations.buyer("Nobody Inc")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("We know no organization of this name")));
        jobs.executeAll();

        mvc.perform(get("/store/account/approvals").with(user(TestMembers.principal(approver))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(request.user().logonId())));
        mvc.perform(post("/store/account/approvals/{id}", id)
                        .param("approved", "false")
                        .with(user(TestMembers.principal(approver)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A rejection needs a reason")));
        mvc.perform(post("/store/account/approvals/{id}", id)
                        .param("approved", "false")
                        .param("rejectionReason", "Unknown to us")
                        .with(user(TestMembers.principal(approver)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(redirectedUrl("/store/account/approvals"))
                .andExpect(flash().attribute("decided", "REJECTED"));
        mvc.perform(post("/store/account/approvals/{id}", id)
                        .param("approved", "true")
                        .with(user(TestMembers.principal(approver)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isConflict());
        jobs.executeAll();
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("Unknown to us"));

        mvc.perform(get("/store/register/buyer").param("correct", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are correcting a rejected registration")))
                .andExpect(content().string(containsString(organization.getName())));
        MvcResult corrected = mvc.perform(form(request).param("previousRegistrationId", id))
                .andExpect(status().isFound())
                .andReturn();
        String correctedId = corrected.getResponse().getRedirectedUrl().replace("/store/registration/", "");
        jobs.executeAll();
        mvc.perform(post("/store/account/approvals/{id}", correctedId)
                        .param("approved", "true")
                        .with(user(TestMembers.principal(approver)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(redirectedUrl("/store/account/approvals"));
        assertThat(users.findByLogonId(request.user().logonId()).orElseThrow().isEnabled())
                .isTrue();
    }

    @Test
    void approvalsApi() throws Exception {
        RegistrationRequest request = TestRegistrations.buyer(organization.getName());
        String id = submit(request);
        mvc.perform(get("/api/me/approvals").with(user(TestMembers.principal(approver))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(postJson("/api/me/approvals/" + id, Map.of("approved", true))
                        .with(user(TestMembers.principal(approver)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("not open for a decision yet")));
        jobs.executeAll();

        mvc.perform(get("/api/me/approvals").with(user(TestMembers.principal(approver))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].logonId")
                        .value(request.user().logonId()))
                .andExpect(
                        jsonPath("$[?(@.id == '" + id + "')].organizationName").value(organization.getName()));
        mvc.perform(postJson("/api/me/approvals/" + id, Map.of("approved", true))
                        .with(user(TestMembers.principal(approver)))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.state").value("APPROVED"));
        jobs.executeAll();
        assertThat(registrations.findById(id).orElseThrow().getDecidedBy()).isEqualTo(approver.getLogonId());
        assertThat(TestSmtp.to(mail, request.user().email()))
                .last()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("approved", "http://shop.test/store/login"));
    }

    private String submit(RegistrationRequest request) throws Exception {
        String body = mvc.perform(postJson("/api/registrations/buyer", TestRegistrations.body(request)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private MockHttpServletRequestBuilder postJson(String path, Object body) throws Exception {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private MockHttpServletRequestBuilder form(RegistrationRequest request) {
        return post("/store/register/buyer")
                .with(StorefrontCsrf.token(mvc))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("organization.name", request.organization().name())
                .param("user.logonId", request.user().logonId())
                .param("user.password", TestRegistrations.PASSWORD)
                .param("user.passwordVerify", TestRegistrations.PASSWORD)
                .param("user.firstName", "Bea")
                .param("user.lastName", "Buyer")
                .param("user.email", request.user().email());
    }
}

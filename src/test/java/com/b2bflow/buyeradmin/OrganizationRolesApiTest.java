package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The roles a seller administrator assigns to an organization are the only ones its buyer administrator can give to
 * buyers in it and below it ({@code /api/staff/organizations/{id}/roles}, {@code /api/me/buyer-roles}, creating a
 * buyer, the storefront's role picker). Who may call the staff endpoints: AuthorizationMatrixTest.
 */
@IntegrationTest
class OrganizationRolesApiTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestMembers members;

    @Autowired
    AuditEventRepository auditEvents;

    Organization organization;
    Organization division;
    User admin;

    @BeforeEach
    void init() {
        organization = members.buyerOrganization();
        division = members.subOrganization(organization, "Division");
        admin = members.user(organization, "Buyer Administrator");
    }

    @Test
    void theRolesASellerAdminAssignsAreTheOnlyOnesTheBuyerAdminCanGive() throws Exception {
        mvc.perform(get(roles(division)).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").value(contains("Buyer", "Buyer Approver", "Organization Participant")))
                .andExpect(jsonPath("$.own").isEmpty())
                .andExpect(jsonPath("$.inherited").value(true))
                .andExpect(jsonPath("$.definedBy").value(nullValue()));

        mvc.perform(json(put(roles(organization)), "{\"roles\":[\"Buyer\", \"Organization Participant\"]}")
                        .with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").value(contains("Buyer", "Organization Participant")))
                .andExpect(jsonPath("$.inherited").value(false));
        assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt(
                        "Organization", String.valueOf(organization.getId())))
                .filteredOn(e -> e.getAction().equals("ORGANIZATION_ROLES_CHANGED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("seller-admin");
                    assertThat(e.getDetails()).contains("Organization Participant");
                });

        // the sub-organization has none of its own: it takes its parent's
        mvc.perform(get(roles(division)).with(httpBasic("site-admin", "demo")))
                .andExpect(jsonPath("$.roles").value(contains("Buyer", "Organization Participant")))
                .andExpect(jsonPath("$.definedBy").value(organization.getId()));
        mvc.perform(get("/api/me/buyer-roles")
                        .param("organizationId", String.valueOf(division.getId()))
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").value(contains("Buyer", "Organization Participant")));

        mvc.perform(get("/store/account/organizations/" + division.getId() + "/buyers/new")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Organization Participant\"")))
                .andExpect(content().string(not(containsString("value=\"Buyer Approver\""))));
        mvc.perform(createBuyer(division, "Buyer Approver"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("'Buyer Approver'")));
        mvc.perform(createBuyer(division, "Organization Participant"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles").value(contains("Organization Participant")));

        // the division gets its own: now they apply there, and [] makes it inherit again
        mvc.perform(json(put(roles(division)), "{\"roles\":[\"Buyer Approver\"]}")
                        .with(httpBasic("seller-admin", "demo")))
                .andExpect(jsonPath("$.roles").value(contains("Buyer Approver")));
        mvc.perform(createBuyer(division, "Buyer Approver")).andExpect(status().isCreated());
        mvc.perform(json(put(roles(division)), "{\"roles\":[]}").with(httpBasic("seller-admin", "demo")))
                .andExpect(jsonPath("$.roles").value(contains("Buyer", "Organization Participant")))
                .andExpect(jsonPath("$.inherited").value(true));
    }

    @Test
    void unknownRolesAreA400NamingThem() throws Exception {
        mvc.perform(json(put(roles(organization)), "{\"roles\":[\"Buyer\", \"Chief Buyer\"]}")
                        .with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("'Chief Buyer'")));
        mvc.perform(json(put(roles(organization)), "{}").with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(get(roles(organization)).with(httpBasic("seller-admin", "demo")))
                .andExpect(jsonPath("$.own").isEmpty());
        mvc.perform(get("/api/staff/organizations/999999999/roles").with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder createBuyer(Organization in, String role) {
        return json(
                        post("/api/me/organizations/" + in.getId() + "/buyers"),
                        "{\"logonId\":\""
                                + TestRegistrations.unique("nb")
                                + "\",\"lastName\":\"New\",\"email\":\"new@example.com\","
                                + "\"roles\":[\"" + role + "\"]}")
                .with(as(admin));
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(StorefrontCsrf.token(mvc));
    }

    private static String roles(Organization organization) {
        return "/api/staff/organizations/" + organization.getId() + "/roles";
    }

    private static RequestPostProcessor as(User user) {
        return user(TestMembers.principal(user));
    }
}

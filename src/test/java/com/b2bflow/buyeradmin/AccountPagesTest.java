package com.b2bflow.buyeradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The storefront pages of buyer administration and customer service, in English and German. */
@IntegrationTest
class AccountPagesTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    UserRepository users;

    @Test
    void aBuyerAdministratorManagesOrganizationsAndBuyersOnThePages() throws Exception {
        Tenant tenant = tenants.create();
        MockHttpSession session = signIn(tenant.admin(), TestRegistrations.PASSWORD, "/store/account");
        mvc.perform(get("/store/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Organizations and Buyers")));
        mvc.perform(get("/store/account/organizations").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(tenant.organizationName())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(tenant.buyer())));
        mvc.perform(get("/store/account/organizations/new")
                        .param("parent", "" + tenant.organizationId())
                        .session(session))
                .andExpect(status().isOk());
        mvc.perform(post("/store/account/organizations")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("parentId", "" + tenant.organizationId())
                        .param("name", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the organization")));
        String location = mvc.perform(post("/store/account/organizations")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("parentId", "" + tenant.organizationId())
                        .param("name", "Research")
                        .param("address.city", "Bonn"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The organization was created.")));
        mvc.perform(get("/store/account/organizations/" + tenant.subOrganizationId() + "/edit")
                        .session(session))
                .andExpect(status().isOk());
        mvc.perform(get("/store/account/organizations/" + tenant.subOrganizationId() + "/buyers/new")
                        .session(session))
                .andExpect(status().isOk());
        String logonId = TestRegistrations.unique("page");
        String buyerPage = mvc.perform(post("/store/account/organizations/" + tenant.subOrganizationId() + "/buyers")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", logonId)
                        .param("lastName", "Paged")
                        .param("email", logonId + "@example.com")
                        .param("roles", "Buyer", "Organization Participant"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(buyerPage).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("activation pending")));
        mvc.perform(post(buyerPage + "/delete").session(session).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("seller administrator")));
        mvc.perform(post("/store/account/buyers/" + tenant.subBuyerId() + "/enabled")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findById(tenant.subBuyerId()).orElseThrow().isEnabled())
                .isFalse();
        mvc.perform(get("/store/account/organizations")
                        .param("org", "" + tenants.create().organizationId())
                        .session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/store/account/customer-service-history").session(session))
                .andExpect(status().isOk());
        mvc.perform(get("/store/account/organizations").session(session).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Organisationen und Einkäufer")));
    }

    @Test
    void aCsrLandsOnCustomerServiceNeedsAReasonAndSeesTheBannerWhileOnBehalf() throws Exception {
        Tenant tenant = tenants.create();
        MockHttpSession session = signIn("csr", "demo", "/store/customer-service");
        mvc.perform(get("/store/customer-service").param("q", tenant.admin()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Access customer&#39;s account")));
        mvc.perform(post("/store/customer-service/customers/" + tenant.adminId() + "/act-on-behalf")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Give a reason")));
        mvc.perform(post("/store/customer-service/customers/" + tenant.adminId() + "/act-on-behalf")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("reason", "Ticket 77"))
                .andExpect(header().string("Location", "/store/account"));
        mvc.perform(get("/store/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You are acting on behalf of")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Reason: Ticket 77")));
        mvc.perform(get("/store/account/organizations").session(session).header("Accept-Language", "de-DE"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sie handeln im Auftrag von")));
        mvc.perform(get("/store/account/customer-service-history").session(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/store/customer-service/on-behalf/stop")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(header().string("Location", "/store/customer-service"));
        mvc.perform(get("/store/customer-service").session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("You are acting on behalf of"))));
        mvc.perform(get("/store/customer-service/history").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ON_BEHALF_ENDED")));
        mvc.perform(post("/store/customer-service/customers/" + tenant.adminId() + "/disable")
                        .session(session)
                        .with(StorefrontCsrf.token(mvc))
                        .param("reason", "Ticket 78"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findById(tenant.adminId()).orElseThrow().isEnabled()).isFalse();
        mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", tenant.admin())
                        .param("logonPassword", TestRegistrations.PASSWORD))
                .andExpect(header().string("Location", "/store/login?error=disabled"));
    }

    @Test
    void buyersAndOtherStaffHaveNoAdministration() throws Exception {
        Tenant tenant = tenants.create();
        MockHttpSession buyer = signIn(tenant.buyer(), TestRegistrations.PASSWORD, "/store/account");
        mvc.perform(get("/store/account").session(buyer))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("Organizations and Buyers"))));
        mvc.perform(get("/store/account/organizations").session(buyer)).andExpect(status().isForbidden());
        mvc.perform(get("/store/customer-service").session(buyer)).andExpect(status().isForbidden());
        MockHttpSession seller = signIn("seller-admin", "demo", "/store/staff");
        mvc.perform(get("/store/account").session(seller)).andExpect(header().string("Location", "/store/staff"));
        mvc.perform(get("/store/account/organizations").session(seller)).andExpect(status().isForbidden());
    }

    private MockHttpSession signIn(String logonId, String password, String landing) throws Exception {
        var result = mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", logonId)
                        .param("logonPassword", password))
                .andExpect(header().string("Location", landing))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }
}

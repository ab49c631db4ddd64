package com.b2bflow.approval;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.registration.RegistrationType;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Managing User Registration approval groups: buyer administrators for their organizations and those below
 * ({@code /api/me/organizations/{id}/approvers}), seller staff for any customer organization
 * ({@code /api/staff/organizations/{id}/approvers}).
 */
@IntegrationTest
class ApprovalGroupApiTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestMembers members;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    RegistrationParents parents;

    @Autowired
    JobDriver jobs;

    Organization organization;
    Organization division;
    User admin;
    User approver;
    User candidate;
    User divisionCandidate;
    User plainBuyer;
    User otherAdmin;
    User otherApprover;

    @BeforeEach
    void init() {
        organization = members.buyerOrganization();
        division = members.subOrganization(organization, "Division");
        admin = members.user(organization, "Buyer Administrator");
        approver = members.user(organization, "Buyer Approver");
        candidate = members.user(organization, "Buyer Approver", "Buyer");
        divisionCandidate = members.user(division, "Buyer Approver");
        plainBuyer = members.user(organization, "Buyer");
        members.approvers(organization, approver);
        Organization other = members.buyerOrganization();
        otherAdmin = members.user(other, "Buyer Administrator");
        otherApprover = members.user(other, "Buyer Approver");
    }

    @Test
    void aBuyerAdministratorManagesTheApproversOfTheirOrganizations() throws Exception {
        mvc.perform(get(me(organization)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName").value(organization.getName()))
                .andExpect(jsonPath("$.type").value("UserRegistration"))
                .andExpect(jsonPath("$.approvers[*].logonId").value(hasItem(approver.getLogonId())))
                .andExpect(jsonPath("$.candidates[*].logonId").value(hasItem(candidate.getLogonId())))
                .andExpect(jsonPath("$.candidates[*].logonId").value(hasItem(divisionCandidate.getLogonId())))
                .andExpect(jsonPath("$.candidates[*].logonId").value(not(hasItem(plainBuyer.getLogonId()))))
                .andExpect(jsonPath("$.candidates[*].logonId").value(not(hasItem(otherApprover.getLogonId()))));

        mvc.perform(put(me(organization) + "/" + candidate.getId())
                        .with(as(admin))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvers[*].logonId").value(hasItem(candidate.getLogonId())));
        mvc.perform(put(me(organization) + "/" + candidate.getId())
                        .with(as(admin))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk());
        mvc.perform(delete(me(organization) + "/" + approver.getId())
                        .with(as(admin))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvers[*].logonId").value(not(hasItem(approver.getLogonId()))));

        for (User notEligible : new User[] {plainBuyer, otherApprover}) {
            mvc.perform(put(me(organization) + "/" + notEligible.getId())
                            .with(as(admin))
                            .with(StorefrontCsrf.token(mvc)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("userId"));
        }
        mvc.perform(put(me(organization) + "/999999").with(as(admin)).with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isBadRequest());

        mvc.perform(put(me(division) + "/" + divisionCandidate.getId())
                        .with(as(admin))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName").value("Division"))
                .andExpect(jsonPath("$.approvers[0].logonId").value(divisionCandidate.getLogonId()));
    }

    /** An approver added later takes over the registrations already waiting. */
    @Test
    void aNewApproverSeesTheRegistrationsAlreadyWaiting() throws Exception {
        String id = submitters
                .submit(RegistrationFlow.BUYER, TestRegistrations.buyer(organization.getName()))
                .id();
        jobs.executeAll();
        mvc.perform(get("/api/me/approvals").with(as(candidate)))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(id))));
        mvc.perform(put(me(organization) + "/" + candidate.getId())
                        .with(as(admin))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk());
        mvc.perform(delete(me(organization) + "/" + approver.getId())
                        .with(as(admin))
                        .with(StorefrontCsrf.token(mvc)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/me/approvals").with(as(candidate)))
                .andExpect(jsonPath("$[*].id").value(hasItem(id)));
        mvc.perform(get("/api/me/approvals").with(as(approver)))
                .andExpect(jsonPath("$").value(empty()));
    }

    @Test
    void othersMayNotManageTheGroup() throws Exception {
        for (User outsider : new User[] {otherAdmin, approver, plainBuyer}) {
            mvc.perform(get(me(organization)).with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(put(me(organization) + "/" + candidate.getId())
                            .with(as(outsider))
                            .with(StorefrontCsrf.token(mvc)))
                    .andExpect(status().isForbidden());
        }
        User divisionAdmin = members.user(division, "Buyer Administrator");
        mvc.perform(get(me(division)).with(as(divisionAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[*].logonId").value(hasItem(divisionCandidate.getLogonId())))
                .andExpect(jsonPath("$.candidates[*].logonId").value(not(hasItem(candidate.getLogonId()))));
        mvc.perform(get(me(organization)).with(as(divisionAdmin))).andExpect(status().isForbidden());
        mvc.perform(put(me(organization) + "/" + candidate.getId()).with(as(admin)))
                .andExpect(status().isForbidden());
        mvc.perform(get(me(organization))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me/organizations/" + parents.parentIdFor(RegistrationType.BuyerRegistration)
                                + "/approvers")
                        .with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void sellerStaffManageAnyCustomerOrganization() throws Exception {
        mvc.perform(get(staff(organization)).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvers[*].logonId").value(hasItem(approver.getLogonId())));
        mvc.perform(put(staff(division) + "/" + candidate.getId()).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvers[0].logonId").value(candidate.getLogonId()));
        mvc.perform(put(staff(division) + "/" + otherApprover.getId()).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(delete(staff(organization) + "/" + approver.getId()).with(httpBasic("site-admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvers").value(empty()));
        mvc.perform(get("/api/staff/organizations/-2001/approvers").with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/staff/organizations/987654321/approvers").with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNotFound());

        mvc.perform(get(staff(organization))).andExpect(status().isUnauthorized());
        mvc.perform(get(staff(organization)).with(httpBasic("account-rep", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get(staff(organization)).with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(get(staff(organization)).with(httpBasic(admin.getLogonId(), TestRegistrations.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/me/approvals/{id}")))
                .andExpect(
                        content().string(containsString("/api/me/organizations/{organizationId}/approvers/{userId}")))
                .andExpect(content().string(containsString("/api/staff/organizations/{organizationId}/approvers")))
                .andExpect(content().string(containsString("/webapp/wcs/stores/servlet/{command}")));
    }

    private static String me(Organization organization) {
        return "/api/me/organizations/" + organization.getId() + "/approvers";
    }

    private static String staff(Organization organization) {
        return "/api/staff/organizations/" + organization.getId() + "/approvers";
    }

    private static RequestPostProcessor as(User user) {
        return user(TestMembers.principal(user));
    }
}

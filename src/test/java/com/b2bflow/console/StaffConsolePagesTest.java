package com.b2bflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.b2bflow.support.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The console's Find, User and Audit pages over HTTP, where the authorization table (AuthorizationMatrixTest) does not
 * reach: what Find finds and shows, that each user action is audited and answers a missing reason with a 400 naming
 * the field, that a page offers only the actions of the role (and says why one the user's state holds back is not
 * offered), and that the audit log reads as text, filtered and paginated.
 */
@IntegrationTest
class StaffConsolePagesTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    JobDriver jobs;

    @Autowired
    TaskService tasks;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void findShowsStatePathAndTheOpenRegistrationWithItsTaskAndFindsByTaxId() throws Exception {
        String name = TestRegistrations.unique("Findable") + " AG";
        String logonId = TestRegistrations.unique("finn");
        String registrationId = submitters
                .submit(
                        RegistrationFlow.ORGANIZATION,
                        TestRegistrations.organization(name, logonId, logonId + "@example.com"))
                .id();
        jobs.executeAll();
        String taskId = tasks.createTaskQuery()
                .processInstanceBusinessKey(registrationId)
                .singleResult()
                .getId();
        MockHttpSession seller = signIn("seller-admin");

        String organizationsFound = page(
                        get("/store/staff/customers").param("q", name).param("kind", "organizations"), seller)
                .getContentAsString();
        assertThat(organizationsFound)
                .contains(name, "waiting for approval", "Review registration")
                .contains("Root Organization")
                .contains("/camunda/app/tasklist/default/#/?task=" + taskId)
                .contains("data-registration=\"" + registrationId + "\"");
        assertThat(page(get("/store/staff/customers").param("q", name), seller).getContentAsString())
                .as("the users tab: the applicant, in the organization's path")
                .contains(logonId, name, "Users (1)", "Organizations (1)");
        assertThat(page(get("/store/staff/customers").param("q", name).param("state", "APPROVED"), seller)
                        .getContentAsString())
                .contains("Nothing found.");

        Tenant tenant = tenants.create();
        String taxId = TestRegistrations.unique("DE");
        transactions.executeWithoutResult(status ->
                organizations.findById(tenant.organizationId()).orElseThrow().setTaxId(taxId));
        assertThat(page(get("/store/staff/customers").param("q", taxId).param("kind", "organizations"), seller)
                        .getContentAsString())
                .contains(tenant.organizationName(), taxId);

        MockHttpServletResponse badState =
                page(get("/store/staff/customers").param("q", name).param("state", "SOMETIMES"), seller);
        assertThat(badState.getStatus()).isEqualTo(400);
        assertThat(badState.getContentAsString()).contains("id=\"state-error\"", "Choose a state from the list.");
    }

    @Test
    void everyUserActionIsAuditedAndSaysWhatHappened() throws Exception {
        Tenant tenant = tenants.create();
        MockHttpSession seller = signIn("seller-admin");
        String userPage = "/store/staff/users/" + tenant.buyerId();

        MockHttpServletResponse noReason =
                page(post(userPage + "/disable").param("reason", " ").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString())
                .contains("id=\"disable-error\"", "Give a reason", "aria-invalid=\"true\"");

        MockHttpServletResponse disabled =
                page(post(userPage + "/disable").param("reason", "ticket 77").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(disabled.getStatus()).isEqualTo(302);
        assertThat(disabled.getRedirectedUrl()).isEqualTo(userPage);
        assertThat(audit(tenant.buyerId(), "CUSTOMER_DISABLED"))
                .containsEntry("actor", "seller-admin")
                .containsEntry("reason", "ticket 77");
        assertThat(page(get(userPage).header("Accept-Language", "de"), seller).getContentAsString())
                .contains("deaktiviert", "Konto aktivieren");

        page(
                post(userPage + "/roles")
                        .param("roles", "Buyer", "Buyer Approver")
                        .with(StorefrontCsrf.token(mvc)),
                seller);
        assertThat(audit(tenant.buyerId(), "ROLES_CHANGED")).containsEntry("actor", "seller-admin");
        page(post(userPage + "/unlock").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(audit(tenant.buyerId(), "ACCOUNT_UNLOCKED")).containsEntry("actor", "seller-admin");

        User waiting = testUsers.waitingForActivation();
        assertThat(page(get("/store/staff/users/" + waiting.getId()), seller).getContentAsString())
                .contains("id=\"resend-activation\"");
        MockHttpServletResponse resent = page(
                post("/store/staff/users/" + waiting.getId() + "/activation").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(resent.getStatus()).isEqualTo(302);
        assertThat(audit(waiting.getId(), "ACTIVATION_RESENT")).containsEntry("actor", "seller-admin");
        MockHttpServletResponse again = page(
                post("/store/staff/users/" + waiting.getId() + "/activation").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(again.getStatus()).as("a link went out a moment ago").isEqualTo(409);
        assertThat(again.getContentAsString()).contains("A link was sent only a short while ago");

        MockHttpServletResponse exported =
                page(post(userPage + "/personal-data/export").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(exported.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(exported.getHeader("Content-Disposition")).contains("personal-data-" + tenant.buyerId());
        assertThat(exported.getContentAsString()).contains(tenant.buyer()).doesNotContain("passwordHash");
        assertThat(audit(tenant.buyerId(), "PERSONAL_DATA_EXPORTED")).containsEntry("actor", "seller-admin");

        MockHttpServletResponse deleted = page(post(userPage + "/delete").with(StorefrontCsrf.token(mvc)), seller);
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/store/staff/customers");
        assertThat(audit(tenant.buyerId(), "BUYER_DELETED")).containsEntry("actor", "seller-admin");
        assertThat(page(get(userPage), seller).getStatus()).isEqualTo(404);
    }

    @Test
    void aPageOffersOnlyTheActionsOfTheSignedInRole() throws Exception {
        Tenant tenant = tenants.create();
        String buyerPage = "/store/staff/users/" + tenant.buyerId();
        String adminPage = "/store/staff/users/" + tenant.adminId();

        MockHttpSession csr = signIn("csr");
        assertThat(page(get(buyerPage), csr).getContentAsString())
                .contains("id=\"export-data\"")
                .doesNotContain("id=\"disable\"", "id=\"roles-form\"", "id=\"delete-user\"", "id=\"erase-data\"")
                .doesNotContain("id=\"console-audit\"", "id=\"user-audit\"");
        assertThat(page(get(adminPage), csr).getContentAsString())
                .contains("id=\"disable\"", "id=\"act-on-behalf\"")
                .doesNotContain("id=\"roles-form\"", "id=\"unlock\"");

        assertThat(page(get(buyerPage), signIn("account-rep")).getContentAsString())
                .contains("id=\"no-actions\"")
                .doesNotContain("id=\"export-data\"", "id=\"disable\"");

        assertThat(page(get(buyerPage), signIn("site-admin")).getContentAsString())
                .contains(
                        "id=\"roles-form\"",
                        "id=\"disable\"",
                        "id=\"export-data\"",
                        "id=\"erase-data\"",
                        "id=\"delete-user\"",
                        "id=\"user-audit\"")
                .doesNotContain("id=\"act-on-behalf\"", "id=\"enable\"", "id=\"resend-activation\"");
    }

    @Test
    void anActionTheUsersStateHoldsBackIsNotOfferedAndThePageSaysWhy() throws Exception {
        String logonId = TestRegistrations.unique("held");
        submitters.submit(
                RegistrationFlow.ORGANIZATION,
                TestRegistrations.organization(
                        TestRegistrations.unique("Held") + " AG", logonId, logonId + "@example.com"));
        jobs.executeAll();
        long applicantId = jdbc.queryForObject("select id from member_user where logon_id = ?", Long.class, logonId);
        String applicantPage = "/store/staff/users/" + applicantId;
        MockHttpSession siteAdmin = signIn("site-admin");

        assertThat(page(get(applicantPage), siteAdmin).getContentAsString())
                .as("the applicant, whose registration waits")
                .contains("id=\"held-back\"", "A registration of this user is still waiting for a decision")
                .contains("id=\"erase-data\"")
                .doesNotContain("id=\"delete-user\"", "id=\"no-actions\"");
        assertThat(page(get(applicantPage), signIn("csr")).getContentAsString())
                .contains("Acting on behalf needs an enabled account whose registration is approved.")
                .doesNotContain("id=\"act-on-behalf\"");

        Tenant tenant = tenants.create();
        assertThat(page(get("/store/staff/users/" + tenant.adminId()), siteAdmin)
                        .getContentAsString())
                .as("the only administrator of an organization with a buyer")
                .contains("This user is the last active administrator of an approved organization")
                .doesNotContain("id=\"erase-data\"");
        assertThat(page(get("/store/staff/users/" + tenant.buyerId()), siteAdmin)
                        .getContentAsString())
                .as("nothing held back for an approved, enabled buyer")
                .doesNotContain("id=\"held-back\"");
    }

    @Test
    void theAuditLogReadsAsTextAndIsFilteredAndPaginated() throws Exception {
        Tenant tenant = tenants.create();
        MockHttpSession seller = signIn("seller-admin");
        for (long user : List.of(tenant.buyerId(), tenant.approverId())) {
            page(
                    post("/store/staff/users/" + user + "/disable")
                            .param("reason", "audit walk")
                            .with(StorefrontCsrf.token(mvc)),
                    seller);
        }

        String english = page(
                        get(
                                "/store/staff/audit?customer={customer}&action=CUSTOMER_DISABLED&size=1",
                                tenant.organizationName()),
                        seller)
                .getContentAsString();
        assertThat(english)
                .contains("Account disabled", "audit walk", "seller-admin", "1–1 of 2", "Page 1 of 2")
                .contains("customer=" + tenant.organizationName().replace(" ", "%20"))
                .contains("page=1")
                .doesNotContain(">CUSTOMER_DISABLED<");
        assertThat(page(
                                get("/store/staff/audit")
                                        .param("customer", tenant.organizationName())
                                        .header("Accept-Language", "de"),
                                seller)
                        .getContentAsString())
                .contains("Konto deaktiviert", "Protokoll");
        assertThat(page(
                                get("/store/staff/audit")
                                        .param("customer", tenant.organizationName())
                                        .param("actor", "nobody-at-all"),
                                seller)
                        .getContentAsString())
                .contains("Nothing found.");
        assertThat(page(get("/store/staff/audit").param("userId", String.valueOf(tenant.approverId())), seller)
                        .getContentAsString())
                .contains("Account disabled", "id=\"audit-scope-user\"");
    }

    private MockHttpSession signIn(String staff) throws Exception {
        return (MockHttpSession) mvc.perform(StorefrontSignIn.form(mvc, staff, "demo"))
                .andReturn()
                .getRequest()
                .getSession();
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, MockHttpSession session)
            throws Exception {
        return mvc.perform(request.session(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
    }

    /** The newest audit entry of the action on the user. */
    private Map<String, Object> audit(long userId, String action) {
        return jdbc.queryForMap(
                "select actor, reason, details from audit_event where target_type = 'User' and target_id = ?"
                        + " and action = ? order by id desc limit 1",
                String.valueOf(userId),
                action);
    }
}

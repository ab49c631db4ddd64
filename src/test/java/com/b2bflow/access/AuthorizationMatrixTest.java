package com.b2bflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.StorefrontSignIn;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every role × every action × own subtree / other organization, through the real HTTP API (so through the security
 * chains, the controllers and {@link AccountAuthorization}). Each cell starts fresh: its own two tenants, its own
 * sign-in, a CSRF token the application issued. Each caller brings one kind of credential: a session from the
 * sign-in form on the storefront API (a CSR on behalf: the session in which the CSR acts for the customer), HTTP
 * Basic for staff on the staff API ({@code /api/staff/**}, stateless: a session is no credential there, so the CSR on
 * behalf gets 401 where the CSR gets 403). The "csr-basic" column sends Basic everywhere: the storefront API takes
 * sessions only. "create buyer (administrator)" asks for a role the organization may not grant (the tenants' organizations
 * have no roles of their own, so the seller's default applies: OrganizationRolesApiTest). A refused change
 * (4xx on anything but a GET) is also checked for having changed nothing: the organizations, users and roles of the
 * cell's tenants are the same before and after. The expected table below is the specification: status per cell,
 * "own/other".
 *
 * <p>"own" is the subtree of the Buyer Administrator the role belongs to (for a CSR on behalf: the customer's);
 * "other" is an organization of another customer. Staff roles reach every organization.
 */
@IntegrationTest
class AuthorizationMatrixTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    private static final String EXPECTED = """
            action                        | anonymous | buyer   | approver | admin   | csr     | csr-obo | csr-basic | seller  | site
            view my account               | 401/401   | 200/200 | 200/200  | 200/200 | 200/200 | 200/200 | 401/401   | 200/200 | 200/200
            profile page                  | 401/401   | 200/200 | 200/200  | 200/200 | 403/403 | 200/200 | 401/401   | 403/403 | 403/403
            view my profile               | 401/401   | 200/200 | 200/200  | 200/200 | 403/403 | 200/200 | 401/401   | 403/403 | 403/403
            edit my profile               | 401/401   | 200/200 | 200/200  | 200/200 | 403/403 | 200/200 | 401/401   | 403/403 | 403/403
            marketing consent             | 401/401   | 200/200 | 200/200  | 200/200 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            change password page          | 401/401   | 200/200 | 200/200  | 200/200 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            change my password            | 401/401   | 204/204 | 204/204  | 204/204 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            password reset (public)       | 202/202   | 202/202 | 202/202  | 202/202 | 202/202 | 202/202 | 202/202   | 202/202 | 202/202
            password reset confirm        | 410/410   | 410/410 | 410/410  | 410/410 | 410/410 | 410/410 | 410/410   | 410/410 | 410/410
            choose a registration (page)  | 200/200   | 200/200 | 200/200  | 200/200 | 200/200 | 200/200 | 200/200   | 200/200 | 200/200
            navigate hierarchy            | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            view organization             | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            create organization           | 401/401   | 403/403 | 403/403  | 201/404 | 403/403 | 201/404 | 401/401   | 403/403 | 403/403
            edit organization             | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            delete organization (me)      | 401/401   | 403/403 | 403/403  | 403/403 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            list buyers                   | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            view buyer                    | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            create buyer                  | 401/401   | 403/403 | 403/403  | 201/404 | 403/403 | 201/404 | 401/401   | 403/403 | 403/403
            create buyer (administrator)  | 401/401   | 403/403 | 403/403  | 400/404 | 403/403 | 400/404 | 401/401   | 403/403 | 403/403
            edit buyer                    | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            enable/disable buyer          | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            edit roles (me)               | 401/401   | 403/403 | 403/403  | 403/403 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            edit roles (me, patch)        | 401/401   | 403/403 | 403/403  | 403/403 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            delete buyer (me)             | 401/401   | 403/403 | 403/403  | 403/403 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            customer service history      | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            invite buyer                  | 401/401   | 403/403 | 403/403  | 201/404 | 403/403 | 201/404 | 401/401   | 403/403 | 403/403
            list invitations              | 401/401   | 403/403 | 403/403  | 200/404 | 403/403 | 200/404 | 401/401   | 403/403 | 403/403
            revoke invitation             | 401/401   | 403/403 | 403/403  | 204/404 | 403/403 | 204/404 | 401/401   | 403/403 | 403/403
            find customers                | 401/401   | 403/403 | 403/403  | 403/403 | 200/200 | 200/200 | 401/401   | 200/200 | 200/200
            act on behalf                 | 401/401   | 403/403 | 403/403  | 403/403 | 200/200 | 200/200 | 401/401   | 403/403 | 403/403
            act on behalf of a buyer      | 401/401   | 403/403 | 403/403  | 403/403 | 403/403 | 403/403 | 401/401   | 403/403 | 403/403
            disable customer              | 401/401   | 403/403 | 403/403  | 403/403 | 200/200 | 200/200 | 401/401   | 403/403 | 403/403
            enable customer               | 401/401   | 403/403 | 403/403  | 403/403 | 200/200 | 200/200 | 401/401   | 403/403 | 403/403
            all history (csr)             | 401/401   | 403/403 | 403/403  | 403/403 | 200/200 | 200/200 | 401/401   | 403/403 | 403/403
            all history (staff)           | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 200/200 | 200/200
            edit roles (staff)            | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 200/200 | 200/200
            organization roles (staff)    | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 200/200 | 200/200
            assign org roles (staff)      | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 200/200 | 200/200
            delete buyer (staff)          | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 204/204 | 204/204
            delete organization (staff)   | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 204/204 | 204/204
            enable user (staff)           | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 200/200 | 200/200
            list contracts (staff)        | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 200/200 | 200/200
            add contract (staff)          | 401/401   | 401/401 | 401/401  | 401/401 | 403/403 | 401/401 | 403/403   | 201/201 | 201/201
            """;

    /**
     * Staff tasks over the engine REST API (what Tasklist calls), HTTP Basic: "own" is a review escalated to the site
     * administrators, "other" one that is not. "held" rows: the review is claimed by another seller administrator.
     * The escalation group works an escalated task and takes it over from its holder (ADR 0023); colleagues still
     * cannot take each other's claimed tasks (ADR 0020); other staff groups are refused. Completing and delegating
     * follow the same rights (EscalatedTaskTest).
     */
    private static final String ENGINE_EXPECTED = """
            action                       | anonymous | csr     | account-rep | seller  | site
            claim review                 | 401/401   | 403/403 | 403/403     | 204/204 | 204/403
            take over held review        | 401/401   | 403/403 | 403/403     | 403/403 | 204/403
            """;

    /**
     * The staff console's pages and actions (ADR 0027), each with a session from the sign-in form and the form's CSRF
     * token, on a fresh tenant: "admin" is a Buyer Administrator, "buyer" a buyer of that tenant. Staff reach every
     * organization, so there is one status per role. Anonymous callers are sent to the sign-in page (302) from pages
     * and get a 401 from the JSON API. A successful form POST redirects (302) with its message; a refused one answers
     * the refusal page with its status and changes nothing.
     */
    private static final String CONSOLE_EXPECTED = """
            action                        | anonymous | buyer | admin | csr | account-rep | seller | site
            staff home                    | 302       | 403   | 403   | 200 | 200         | 200    | 200
            find customers (api)          | 401       | 403   | 403   | 200 | 200         | 200    | 200
            organization page             | 302       | 403   | 403   | 403 | 200         | 200    | 200
            registrations page            | 302       | 403   | 403   | 403 | 200         | 200    | 200
            organization roles (console)  | 302       | 403   | 403   | 403 | 403         | 302    | 302
            approval groups (console)     | 302       | 403   | 403   | 403 | 403         | 404    | 404
            add approver (console)        | 302       | 403   | 403   | 403 | 403         | 404    | 404
            remove approver (console)     | 302       | 403   | 403   | 403 | 403         | 404    | 404
            add contract (console)        | 302       | 403   | 403   | 403 | 302         | 302    | 302
            extend open contract (console)| 302       | 403   | 403   | 403 | 409         | 409    | 409
            end contract (console)        | 302       | 403   | 403   | 403 | 302         | 302    | 302
            delete org in use (console)   | 302       | 403   | 403   | 403 | 403         | 409    | 409
            find (page)                   | 302       | 403   | 403   | 200 | 200         | 200    | 200
            view user                     | 302       | 403   | 403   | 200 | 200         | 200    | 200
            edit roles                    | 302       | 403   | 403   | 403 | 403         | 302    | 302
            disable buyer                 | 302       | 403   | 403   | 403 | 403         | 302    | 302
            disable administrator         | 302       | 403   | 403   | 302 | 403         | 302    | 302
            enable buyer                  | 302       | 403   | 403   | 403 | 403         | 302    | 302
            enable administrator          | 302       | 403   | 403   | 302 | 403         | 302    | 302
            unlock                        | 302       | 403   | 403   | 403 | 403         | 302    | 302
            resend activation (activated) | 302       | 403   | 403   | 403 | 403         | 409    | 409
            export personal data          | 302       | 403   | 403   | 200 | 403         | 200    | 200
            erase personal data           | 302       | 403   | 403   | 403 | 403         | 302    | 302
            delete user                   | 302       | 403   | 403   | 403 | 403         | 302    | 302
            audit log                     | 302       | 403   | 403   | 403 | 403         | 200    | 200
            """;

    enum ConsoleRole {
        ANONYMOUS,
        BUYER,
        ADMIN,
        CSR,
        ACCOUNT_REP,
        SELLER,
        SITE
    }

    private static final Map<String, Function<Tenant, MockHttpServletRequestBuilder>> CONSOLE_ACTIONS =
            new LinkedHashMap<>();

    static {
        CONSOLE_ACTIONS.put("staff home", t -> get("/store/staff"));
        CONSOLE_ACTIONS.put(
                "find customers (api)", t -> get("/api/csr/customers").param("q", t.admin()));
        // the organization and registrations pages (ADR 0028); the tenant's contract has no end, so extending it is the
        // rule's 409 once allowed, and its organization has buyers, so deleting it is the 409 "in use"; the tenants are
        // no customer organizations (not below a registration parent), so the approvers' service answers 404 once
        // allowed (adding and removing approvers of a customer: OrganizationAndRegistrationPagesTest)
        CONSOLE_ACTIONS.put("organization page", t -> get("/store/staff/organizations/" + t.organizationId()));
        CONSOLE_ACTIONS.put(
                "registrations page",
                t -> get("/store/staff/registrations").param("sla", "DUE").param("flow", "ORGANIZATION"));
        CONSOLE_ACTIONS.put(
                "organization roles (console)",
                t -> post("/store/staff/organizations/" + t.subOrganizationId() + "/roles")
                        .param("roles", "Buyer"));
        CONSOLE_ACTIONS.put(
                "approval groups (console)",
                t -> post("/store/staff/organizations/" + t.organizationId() + "/approval-groups")
                        .param("types", "OrderApproval"));
        CONSOLE_ACTIONS.put(
                "add approver (console)",
                t -> post("/store/staff/organizations/" + t.organizationId() + "/approvers")
                        .param("userId", String.valueOf(t.approverId())));
        CONSOLE_ACTIONS.put(
                "remove approver (console)",
                t -> post(
                        "/store/staff/organizations/" + t.organizationId() + "/approvers/" + t.adminId() + "/remove"));
        CONSOLE_ACTIONS.put(
                "add contract (console)",
                t -> post("/store/staff/organizations/" + t.organizationId() + "/contracts")
                        .param("name", "Extra")
                        .param("validFrom", "2030-01-01"));
        CONSOLE_ACTIONS.put(
                "extend open contract (console)",
                t -> post("/store/staff/organizations/" + t.organizationId() + "/contracts/" + t.contractId()
                                + "/extend")
                        .param("validTo", "2040-01-01"));
        CONSOLE_ACTIONS.put(
                "end contract (console)",
                t -> post(
                        "/store/staff/organizations/" + t.organizationId() + "/contracts/" + t.contractId() + "/end"));
        CONSOLE_ACTIONS.put(
                "delete org in use (console)",
                t -> post("/store/staff/organizations/" + t.organizationId() + "/delete"));
        CONSOLE_ACTIONS.put("find (page)", t -> get("/store/staff/customers").param("q", t.organizationName()));
        CONSOLE_ACTIONS.put("view user", t -> get("/store/staff/users/" + t.adminId()));
        CONSOLE_ACTIONS.put(
                "edit roles",
                t -> post("/store/staff/users/" + t.buyerId() + "/roles").param("roles", "Buyer", "Buyer Approver"));
        CONSOLE_ACTIONS.put(
                "disable buyer",
                t -> post("/store/staff/users/" + t.buyerId() + "/disable").param("reason", "ticket 4720"));
        CONSOLE_ACTIONS.put(
                "disable administrator",
                t -> post("/store/staff/users/" + t.adminId() + "/disable").param("reason", "ticket 4721"));
        CONSOLE_ACTIONS.put(
                "enable buyer",
                t -> post("/store/staff/users/" + t.buyerId() + "/enable").param("reason", "ticket 4722"));
        CONSOLE_ACTIONS.put(
                "enable administrator",
                t -> post("/store/staff/users/" + t.adminId() + "/enable").param("reason", "ticket 4723"));
        CONSOLE_ACTIONS.put("unlock", t -> post("/store/staff/users/" + t.buyerId() + "/unlock"));
        CONSOLE_ACTIONS.put(
                "resend activation (activated)", t -> post("/store/staff/users/" + t.buyerId() + "/activation"));
        CONSOLE_ACTIONS.put(
                "export personal data", t -> post("/store/staff/users/" + t.buyerId() + "/personal-data/export"));
        CONSOLE_ACTIONS.put(
                "erase personal data", t -> post("/store/staff/users/" + t.buyerId() + "/personal-data/erase"));
        CONSOLE_ACTIONS.put("delete user", t -> post("/store/staff/users/" + t.buyerId() + "/delete"));
        CONSOLE_ACTIONS.put("audit log", t -> get("/store/staff/audit").param("customer", t.organizationName()));
    }

    /**
     * One sign-in for staff (ADR 0029), over real HTTP in a browser's session signed in once on the storefront's
     * sign-in page: the staff pages and the Camunda webapps take that sign-in; the webapps' own login is refused.
     * Pages answer an anonymous visitor with the sign-in page (302), the webapps' API with 401. Which webapp a group
     * may open is Camunda's authorization (403 from the webapps). The demo mailbox is off in the tests (404).
     */
    private static final String WEBAPP_EXPECTED = """
            page                 | anonymous | buyer | csr | account-rep | seller | site
            staff console        | 302       | 403   | 200 | 200         | 200    | 200
            demo mailbox         | 302       | 403   | 404 | 404         | 404    | 404
            tasklist             | 302       | 403   | 200 | 200         | 200    | 200
            cockpit              | 302       | 403   | 403 | 403         | 200    | 200
            admin                | 302       | 403   | 403 | 403         | 403    | 403
            webapp engine api    | 401       | 401   | 200 | 200         | 200    | 200
            webapp own login     | 401       | 403   | 403 | 403         | 403    | 403
            """;

    private static final Map<String, String[]> WEBAPP_REQUESTS = Map.of(
            "staff console", new String[] {"GET", "/store/staff"},
            "demo mailbox", new String[] {"GET", "/staff/mailbox"},
            "tasklist", new String[] {"GET", "/camunda/app/tasklist/default/"},
            "cockpit", new String[] {"GET", "/camunda/app/cockpit/default/"},
            "admin", new String[] {"GET", "/camunda/app/admin/default/"},
            "webapp engine api", new String[] {"GET", "/camunda/api/engine/engine/default/task/count"},
            "webapp own login", new String[] {"POST", "/camunda/api/admin/auth/user/default/login/tasklist"});

    private static final String STAFF_PASSWORD = "Matrix-pass-1";

    enum Role {
        ANONYMOUS,
        BUYER,
        APPROVER,
        ADMIN,
        CSR,
        CSR_OBO,
        CSR_BASIC,
        SELLER,
        SITE
    }

    /** Staff call the staff API ({@code /api/staff/**}, the rows marked "(staff)") with HTTP Basic, its only credential. */
    private static final java.util.Set<Role> STAFF = java.util.EnumSet.of(Role.CSR, Role.SELLER, Role.SITE);

    /** What a cell acts on: the tenant in scope (own or other) and the caller's own tenant. */
    record Cell(Tenant scope, Tenant own, TestTenants tenants) {}

    private static final Map<String, BiFunction<Cell, Role, MockHttpServletRequestBuilder>> ACTIONS =
            new LinkedHashMap<>();

    static {
        ACTIONS.put("view my account", (c, r) -> get("/api/me"));
        ACTIONS.put("choose a registration (page)", (c, r) -> get("/store/register/choose"));
        // My Account's own profile and password: no scope, "other" is the same call (ADR 0032)
        ACTIONS.put("profile page", (c, r) -> get("/store/account/profile"));
        ACTIONS.put("view my profile", (c, r) -> get("/api/me/profile"));
        ACTIONS.put(
                "edit my profile",
                (c, r) -> json(patch("/api/me/profile"), "{\"phone\":\"+49 30 " + r.ordinal() + "\"}"));
        ACTIONS.put("marketing consent", (c, r) -> json(patch("/api/me/profile"), "{\"receiveEmail\":true}"));
        ACTIONS.put("change password page", (c, r) -> get("/store/account/password"));
        ACTIONS.put(
                "change my password",
                (c, r) -> json(
                        post("/api/me/password"),
                        "{\"currentPassword\":\"" + TestRegistrations.PASSWORD
                                + "\",\"newPassword\":\"copper lantern meadow\"}"));
        ACTIONS.put(
                "password reset (public)",
                (c, r) -> json(
                        post("/api/password-reset"),
                        "{\"logonId\":\"" + c.scope().buyer() + "\"}"));
        ACTIONS.put(
                "password reset confirm",
                (c, r) -> json(
                        post("/api/password-reset/confirm"),
                        "{\"token\":\"no-such-link\",\"password\":\"violet tangerine harbour\"}"));
        ACTIONS.put(
                "navigate hierarchy",
                (c, r) -> get("/api/me/organizations")
                        .param("parentId", String.valueOf(c.scope().organizationId())));
        ACTIONS.put(
                "view organization",
                (c, r) -> get("/api/me/organizations/" + c.scope().subOrganizationId()));
        ACTIONS.put(
                "create organization",
                (c, r) -> json(
                        post("/api/me/organizations"),
                        "{\"name\":\"" + TestRegistrations.unique("Dept") + "\",\"parentId\":"
                                + c.scope().organizationId() + "}"));
        ACTIONS.put(
                "edit organization",
                (c, r) -> json(
                        patch("/api/me/organizations/" + c.scope().subOrganizationId()),
                        "{\"description\":\"edited " + r + "\"}"));
        ACTIONS.put(
                "delete organization (me)",
                (c, r) -> delete("/api/me/organizations/"
                        + c.tenants().subOrganizationOf(c.scope().organizationId())));
        ACTIONS.put(
                "list buyers",
                (c, r) -> get("/api/me/organizations/" + c.scope().organizationId() + "/buyers")
                        .param("q", "bea"));
        ACTIONS.put("view buyer", (c, r) -> get("/api/me/buyers/" + c.scope().subBuyerId()));
        ACTIONS.put(
                "create buyer",
                (c, r) -> json(
                        post("/api/me/organizations/" + c.scope().subOrganizationId() + "/buyers"),
                        "{\"logonId\":\"" + TestRegistrations.unique("nb") + "\",\"lastName\":\"New\","
                                + "\"email\":\"new@example.com\",\"roles\":[\"Buyer\"]}"));
        // a role the organization may not grant (the seller's default: Buyer, Buyer Approver, Organization Participant)
        ACTIONS.put(
                "create buyer (administrator)",
                (c, r) -> json(
                        post("/api/me/organizations/" + c.scope().subOrganizationId() + "/buyers"),
                        "{\"logonId\":\"" + TestRegistrations.unique("nb")
                                + "\",\"lastName\":\"New\",\"email\":\"new@example.com\",\"roles\":[\"Buyer Administrator\"]}"));
        ACTIONS.put(
                "edit buyer",
                (c, r) -> json(patch("/api/me/buyers/" + c.scope().subBuyerId()), "{\"lastName\":\"Edited\"}"));
        ACTIONS.put(
                "enable/disable buyer",
                (c, r) -> json(patch("/api/me/buyers/" + c.scope().subBuyerId()), "{\"enabled\":false}"));
        ACTIONS.put(
                "edit roles (me)",
                (c, r) -> json(
                        put("/api/me/buyers/" + c.scope().subBuyerId() + "/roles"),
                        "{\"roles\":[\"Buyer\",\"Buyer Approver\"]}"));
        ACTIONS.put(
                "edit roles (me, patch)",
                (c, r) -> json(
                        patch("/api/me/buyers/" + c.scope().subBuyerId()),
                        "{\"roles\":[\"Buyer\",\"Buyer Approver\"]}"));
        ACTIONS.put(
                "delete buyer (me)",
                (c, r) ->
                        delete("/api/me/buyers/" + c.tenants().buyerIn(c.scope().subOrganizationId())));
        ACTIONS.put(
                "customer service history",
                (c, r) -> get("/api/me/organizations/" + c.scope().organizationId() + "/customer-service-history"));
        ACTIONS.put(
                "invite buyer",
                (c, r) -> json(
                        post("/api/me/organizations/" + c.scope().subOrganizationId() + "/invitations"),
                        "{\"email\":\"" + TestRegistrations.unique("inv") + "@example.com\"}"));
        ACTIONS.put(
                "list invitations",
                (c, r) -> get("/api/me/organizations/" + c.scope().organizationId() + "/invitations"));
        ACTIONS.put(
                "revoke invitation",
                (c, r) -> delete("/api/me/organizations/" + c.scope().organizationId() + "/invitations/"
                        + c.tenants().invitationIn(c.scope().organizationId())));
        ACTIONS.put(
                "find customers",
                (c, r) -> get("/api/csr/customers").param("q", c.scope().admin()));
        ACTIONS.put(
                "act on behalf",
                (c, r) -> json(
                        post("/api/csr/customers/" + c.scope().adminId() + "/act-on-behalf"),
                        "{\"reason\":\"ticket 4711\"}"));
        ACTIONS.put(
                "act on behalf of a buyer",
                (c, r) -> json(
                        post("/api/csr/customers/" + c.scope().buyerId() + "/act-on-behalf"),
                        "{\"reason\":\"ticket 4711\"}"));
        ACTIONS.put(
                "disable customer",
                (c, r) -> json(
                        post("/api/csr/customers/" + c.scope().adminId() + "/disable"),
                        "{\"reason\":\"ticket 4712\"}"));
        ACTIONS.put(
                "enable customer",
                (c, r) -> json(
                        post("/api/csr/customers/" + c.scope().adminId() + "/enable"), "{\"reason\":\"ticket 4713\"}"));
        ACTIONS.put("all history (csr)", (c, r) -> get("/api/csr/customer-service-events"));
        ACTIONS.put("all history (staff)", (c, r) -> get("/api/staff/customer-service-events"));
        ACTIONS.put(
                "edit roles (staff)",
                (c, r) -> json(
                        put("/api/staff/users/" + c.scope().subBuyerId() + "/roles"),
                        "{\"roles\":[\"Buyer\",\"Buyer Approver\"]}"));
        ACTIONS.put(
                "organization roles (staff)",
                (c, r) -> get("/api/staff/organizations/" + c.scope().subOrganizationId() + "/roles"));
        ACTIONS.put(
                "assign org roles (staff)",
                (c, r) -> json(
                        put("/api/staff/organizations/" + c.scope().subOrganizationId() + "/roles"),
                        "{\"roles\":[\"Buyer\"]}"));
        ACTIONS.put(
                "delete buyer (staff)",
                (c, r) -> delete(
                        "/api/staff/users/" + c.tenants().buyerIn(c.scope().subOrganizationId())));
        ACTIONS.put(
                "delete organization (staff)",
                (c, r) -> delete("/api/staff/organizations/"
                        + c.tenants().subOrganizationOf(c.scope().organizationId())));
        ACTIONS.put(
                "enable user (staff)",
                (c, r) -> json(
                        post("/api/staff/users/" + c.scope().buyerId() + "/enable"), "{\"reason\":\"ticket 4715\"}"));
        // account reps (no column here) may too: StaffContractsApiTest
        ACTIONS.put(
                "list contracts (staff)",
                (c, r) -> get("/api/staff/organizations/" + c.scope().organizationId() + "/contracts"));
        ACTIONS.put(
                "add contract (staff)",
                (c, r) -> json(
                        post("/api/staff/organizations/" + c.scope().organizationId() + "/contracts"),
                        "{\"name\":\"Extra\",\"validFrom\":\"2030-01-01\"}"));
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    com.b2bflow.support.TestReviews reviews;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicTest> everyRoleEveryActionOwnAndOther() {
        List<String> lines = EXPECTED.strip().lines().toList();
        assertThat(lines.get(0).split("\\|")).hasSize(Role.values().length + 1);
        List<DynamicTest> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = columns(line);
            String action = columns[0];
            assertThat(ACTIONS).as("action '%s' has a request", action).containsKey(action);
            for (Role role : Role.values()) {
                String[] expected = columns[role.ordinal() + 1].split("/");
                for (int scope = 0; scope < 2; scope++) {
                    boolean own = scope == 0;
                    int status = Integer.parseInt(expected[scope]);
                    cells.add(DynamicTest.dynamicTest(
                            action + " × " + role + " × " + (own ? "own" : "other") + " → " + status,
                            () -> assertThat(call(action, role, own))
                                    .as("%s × %s × %s", action, role, own ? "own subtree" : "other organization")
                                    .isEqualTo(status)));
                }
            }
        }
        assertThat(ACTIONS.keySet()).as("every action has a row").hasSize(lines.size() - 1);
        return cells.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyStaffConsolePageAndActionForEveryRole() {
        List<String> lines = CONSOLE_EXPECTED.strip().lines().toList();
        assertThat(lines.get(0).split("\\|")).hasSize(ConsoleRole.values().length + 1);
        List<DynamicTest> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = columns(line);
            String action = columns[0];
            assertThat(CONSOLE_ACTIONS)
                    .as("console action '%s' has a request", action)
                    .containsKey(action);
            for (ConsoleRole role : ConsoleRole.values()) {
                int status = Integer.parseInt(columns[role.ordinal() + 1]);
                cells.add(DynamicTest.dynamicTest(
                        "console: " + action + " × " + role + " → " + status,
                        () -> assertThat(callConsole(action, role))
                                .as("console: %s × %s", action, role)
                                .isEqualTo(status)));
            }
        }
        assertThat(CONSOLE_ACTIONS.keySet())
                .as("every console action has a row")
                .hasSize(lines.size() - 1);
        return cells.stream();
    }

    private final Map<ConsoleRole, MockHttpSession> staffSessions = new java.util.EnumMap<>(ConsoleRole.class);

    private MockHttpSession consoleSignIn(String[] credentials) {
        try {
            return (MockHttpSession) mvc.perform(StorefrontSignIn.form(mvc, credentials[0], credentials[1]))
                    .andReturn()
                    .getRequest()
                    .getSession();
        } catch (Exception e) {
            throw new IllegalStateException("sign-in of " + credentials[0], e);
        }
    }

    private int callConsole(String action, ConsoleRole role) throws Exception {
        Tenant tenant = tenants.create();
        MockHttpServletRequestBuilder request =
                CONSOLE_ACTIONS.get(action).apply(tenant).with(StorefrontCsrf.token(mvc));
        // pages are asked for as a browser asks (an anonymous browser is sent to the sign-in page)
        request.with(r -> {
            if (r.getRequestURI().startsWith("/store/")) {
                r.addHeader("Accept", MediaType.TEXT_HTML_VALUE);
            }
            return r;
        });
        String[] credentials = switch (role) {
            case ANONYMOUS -> null;
            case BUYER -> new String[] {tenant.buyer(), TestRegistrations.PASSWORD};
            case ADMIN -> new String[] {tenant.admin(), TestRegistrations.PASSWORD};
            case CSR -> new String[] {"csr", "demo"};
            case ACCOUNT_REP -> new String[] {"account-rep", "demo"};
            case SELLER -> new String[] {"seller-admin", "demo"};
            case SITE -> new String[] {"site-admin", "demo"};
        };
        if (credentials != null) {
            // a staff sign-in checks the password against Camunda identity (about half a second here): once per role
            request.session(
                    role == ConsoleRole.BUYER || role == ConsoleRole.ADMIN
                            ? consoleSignIn(credentials)
                            : staffSessions.computeIfAbsent(role, r -> consoleSignIn(credentials)));
        }
        Map<String, Object> before = membersSince(tenant);
        var response = mvc.perform(request).andReturn();
        int status = response.getResponse().getStatus();
        if (status >= 400 && !"GET".equals(response.getRequest().getMethod())) {
            assertThat(membersSince(tenant))
                    .as("console: %s × %s refused (%d) changes nothing", action, role, status)
                    .isEqualTo(before);
        }
        return status;
    }

    @TestFactory
    Stream<DynamicTest> escalatedTasksOverTheEngineRestApi() {
        List<String> lines = ENGINE_EXPECTED.strip().lines().toList();
        String[] roles = Arrays.copyOfRange(columns(lines.get(0)), 1, columns(lines.get(0)).length);
        Map<String, String> users = engineUsers;
        List<DynamicTest> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = columns(line);
            for (int column = 0; column < roles.length; column++) {
                String role = roles[column];
                String[] expected = columns[column + 1].split("/");
                for (int scope = 0; scope < 2; scope++) {
                    boolean escalated = scope == 0;
                    int status = Integer.parseInt(expected[scope]);
                    cells.add(DynamicTest.dynamicTest(
                            columns[0] + " × " + role + " × " + (escalated ? "escalated" : "not escalated") + " → "
                                    + status,
                            () -> assertThat(callEngine(columns[0], staffUser(users, role), escalated))
                                    .as("%s × %s × %s", columns[0], role, escalated ? "escalated" : "not escalated")
                                    .isEqualTo(status)));
                }
            }
        }
        return cells.stream();
    }

    @TestFactory
    Stream<DynamicTest> oneSignInForTheStaffPagesAndTheWebapps() {
        List<String> lines = WEBAPP_EXPECTED.strip().lines().toList();
        String[] roles = Arrays.copyOfRange(columns(lines.get(0)), 1, columns(lines.get(0)).length);
        Map<String, com.b2bflow.support.StaffWebSession> sessions = new LinkedHashMap<>();
        List<DynamicTest> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = columns(line);
            String[] request = WEBAPP_REQUESTS.get(columns[0]);
            for (int column = 0; column < roles.length; column++) {
                String role = roles[column];
                int status = Integer.parseInt(columns[column + 1]);
                cells.add(DynamicTest.dynamicTest(columns[0] + " × " + role + " → " + status, () -> {
                    var session = sessions.computeIfAbsent(role, this::webSession);
                    var response = session.send(
                            request[0],
                            request[1],
                            Map.of(
                                    "Accept",
                                    request[1].contains("/api/") ? "application/json" : "text/html",
                                    "Content-Type",
                                    "application/x-www-form-urlencoded"),
                            "GET".equals(request[0]) ? null : "username=seller-admin&password=demo");
                    assertThat(response.status())
                            .as(
                                    "%s × %s: %s %s",
                                    columns[0],
                                    role,
                                    response.header("Location"),
                                    // a server error says what it was (the shared context's webapps once answered
                                    // 500 under one class order, with nothing logged: docs/testing.md)
                                    response.status() >= 500
                                            ? response.body()
                                                    .substring(
                                                            0,
                                                            Math.min(
                                                                    600,
                                                                    response.body()
                                                                            .length()))
                                            : "")
                            .isEqualTo(status);
                    if (status == 302) {
                        assertThat(response.header("Location")).endsWith("/store/login");
                    }
                }));
            }
        }
        return cells.stream();
    }

    private com.b2bflow.support.StaffWebSession webSession(String role) {
        try {
            if ("anonymous".equals(role)) {
                return com.b2bflow.support.StaffWebSession.anonymous("127.0.0.1", port);
            }
            String[] credentials = "buyer".equals(role)
                    ? new String[] {tenants.create().buyer(), TestRegistrations.PASSWORD}
                    : new String[] {staffUser(engineUsers, role), STAFF_PASSWORD};
            var session = com.b2bflow.support.StaffWebSession.signIn("127.0.0.1", port, credentials[0], credentials[1]);
            assertThat(session.lastSignIn().header("Location"))
                    .as("%s signed in", role)
                    .doesNotContain("error");
            return session;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cells of a row of an expected table, stripped. */
    private static String[] columns(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    }

    private final Map<String, String> engineUsers = new LinkedHashMap<>();

    /** A throwaway staff user per role (null: anonymous), so that no demo user is left holding a task. */
    private String staffUser(Map<String, String> users, String role) {
        String group = switch (role) {
            case "anonymous" -> null;
            case "csr" -> com.b2bflow.staff.StaffGroups.CUSTOMER_SERVICE;
            case "account-rep" -> com.b2bflow.staff.StaffGroups.ACCOUNT_REPS;
            case "seller", "holder" -> com.b2bflow.staff.StaffGroups.SELLER_ADMINS;
            case "site" -> com.b2bflow.staff.StaffGroups.SITE_ADMINS;
            default -> throw new IllegalArgumentException(role);
        };
        return group == null
                ? null
                : users.computeIfAbsent(
                        role,
                        r -> com.b2bflow.support.TestStaff.create(identity, "matrix-" + r, STAFF_PASSWORD, group));
    }

    private int callEngine(String action, String user, boolean escalated) throws Exception {
        String taskId = "no-such-task";
        if (user != null) {
            taskId = reviews.openReview();
            if (action.contains("held")) {
                taskService.claim(taskId, staffUser(engineUsers, "holder"));
            }
            if (escalated) {
                reviews.escalate(taskId);
            }
        }
        String userId = "{\"userId\":\"" + (user == null ? "nobody" : user) + "\"}";
        String[] call = switch (action) {
            case "claim review" -> new String[] {"/claim", userId};
            case "take over held review" -> new String[] {"/assignee", userId};
            default -> throw new IllegalArgumentException(action);
        };
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + call[0]))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call[1]));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString((user + ":" + STAFF_PASSWORD)
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        int status = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status >= 400 && user != null) {
            assertThat(taskService.createTaskQuery().taskId(taskId).count())
                    .as("a refused call leaves the task")
                    .isOne();
        }
        return status;
    }

    private int call(String action, Role role, boolean own) throws Exception {
        Tenant mine = tenants.create();
        Tenant other = tenants.create();
        boolean basic = role == Role.CSR_BASIC || action.endsWith("(staff)") && STAFF.contains(role);
        MockHttpSession session = basic ? null : signIn(role, mine);
        MockHttpServletRequestBuilder request = ACTIONS.get(action)
                .apply(new Cell(own ? mine : other, mine, tenants), role)
                .with(StorefrontCsrf.token(mvc));
        if (session != null) {
            request.session(session);
        }
        if (basic) {
            String[] credentials = credentials(role, mine);
            request.with(httpBasic(credentials[0], credentials[1]));
        }
        Map<String, Object> before = membersSince(mine);
        var response = mvc.perform(request).andReturn();
        int status = response.getResponse().getStatus();
        if (status >= 400 && !"GET".equals(response.getRequest().getMethod())) {
            assertThat(membersSince(mine))
                    .as("%s × %s refused (%d) changes nothing", action, role, status)
                    .isEqualTo(before);
        }
        return status;
    }

    /** The organizations, users and roles created since the cell's first tenant, i.e. all of the cell's. */
    private Map<String, Object> membersSince(Tenant first) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put(
                "organizations",
                jdbc.queryForList(
                        "select id, parent_id, name, description, state from organization"
                                + " where id >= ? order by id",
                        first.organizationId()));
        rows.put(
                "users",
                jdbc.queryForList(
                        "select id, organization_id, logon_id, last_name, enabled,"
                                + " registration_state from member_user where id >= ? order by id",
                        first.adminId()));
        rows.put(
                "roles",
                jdbc.queryForList(
                        "select user_id, organization_id, role_name from role_assignment"
                                + " where organization_id >= ? order by id",
                        first.organizationId()));
        return rows;
    }

    private MockHttpSession signIn(Role role, Tenant mine) throws Exception {
        String[] credentials = credentials(role, mine);
        if (credentials == null) {
            return null;
        }
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/store/login")
                        .with(StorefrontCsrf.token(mvc))
                        .param("logonId", credentials[0])
                        .param("logonPassword", credentials[1]))
                .andReturn()
                .getRequest()
                .getSession();
        if (role == Role.CSR_OBO) {
            int status = mvc.perform(json(
                                    post("/api/csr/customers/" + mine.adminId() + "/act-on-behalf"),
                                    "{\"reason\":\"ticket 1\"}")
                            .with(StorefrontCsrf.token(mvc))
                            .session(session))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as("CSR starts acting on behalf").isEqualTo(200);
        }
        return session;
    }

    private static String[] credentials(Role role, Tenant mine) {
        return switch (role) {
            case ANONYMOUS -> null;
            case BUYER -> new String[] {mine.buyer(), TestRegistrations.PASSWORD};
            case APPROVER -> new String[] {mine.approver(), TestRegistrations.PASSWORD};
            case ADMIN -> new String[] {mine.admin(), TestRegistrations.PASSWORD};
            case CSR, CSR_OBO, CSR_BASIC -> new String[] {"csr", "demo"};
            case SELLER -> new String[] {"seller-admin", "demo"};
            case SITE -> new String[] {"site-admin", "demo"};
        };
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}

package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.registration.GrantableRoles;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.b2bflow.support.TestTiers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A buyer administrator's first steps and a CSR acting on behalf in a real browser against the running application: a
 * Buyer Administrator creates a sub-organization and a buyer; a CSR finds the administrator, acts on behalf with a
 * reason, creates a buyer, is refused a deletion and stops. A screenshot of every page is kept under
 * target/screenshots; every form field on every page must have a label, and the pages must fit a phone-sized screen.
 */
@Tag(TestTiers.BROWSER)
@IntegrationTest
class StorefrontBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    GrantableRoles grantableRoles;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    JobDriver jobs;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    BrowserContext context;
    Page page;
    int shot;

    @BeforeEach
    void open() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        context = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setLocale("en-US"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aBuyerAdministratorCreatesASubOrganizationAndABuyer() {
        Tenant tenant = tenants.create();
        // the seller admin assigned the organization these roles: the new sub-organization inherits them
        grantableRoles.replace(
                organizations.findById(tenant.organizationId()).orElseThrow(), List.of("Buyer", "Buyer Approver"));
        signIn(tenant.admin(), TestRegistrations.PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/store/account$"));
        check("admin-my-account");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Organizations and Buyers"))
                .click();
        assertThat(page.locator("#selected-name")).hasText(tenant.organizationName());
        check("admin-organizations");

        page.locator("#create-organization").click();
        page.getByLabel("Name *").fill("Procurement");
        page.getByLabel("Description").fill("Buys for the plant");
        page.getByLabel("City").fill("Bonn");
        check("admin-new-organization");
        page.locator("#save-organization").click();
        assertThat(page.locator("#flash-message")).hasText("The organization was created.");
        assertThat(page.locator("#selected-name")).hasText("Procurement");
        assertThat(page.locator("#organization-tree")).containsText("Procurement");
        check("admin-sub-organization");

        page.locator("#create-buyer").click();
        String logonId = TestRegistrations.unique("bruno");
        page.getByLabel("Logon ID *").fill(logonId);
        page.getByLabel("First name").fill("Bruno");
        page.getByLabel("Last name *").fill("Buyer");
        page.getByLabel("Email *").fill(logonId + "@example.com");
        page.getByLabel("Buyer Approver").check();
        assertThat(page.getByLabel("Organization Participant")).hasCount(0);
        check("admin-new-buyer");
        page.locator("#save-buyer").click();
        assertThat(page.locator("#buyer-logon-id")).hasText(logonId);
        assertThat(page.locator("#buyer-roles")).hasText("Buyer, Buyer Approver");
        assertThat(page.locator("#buyer-status")).containsText("activation pending");
        check("admin-buyer-created");

        jobs.executeAll();
        assertThat(TestSmtp.to(mail, logonId + "@example.com"))
                .singleElement()
                .satisfies(m -> assertThat(TestSmtp.text(m)).contains("/store/activate?token="));

        page.navigate("/store/account/organizations");
        Page phone = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setViewportSize(390, 844)
                        .setStorageState(context.storageState()))
                .newPage();
        phone.navigate("/store/account/organizations");
        assertThat(phone.locator("#selected-name")).isVisible();
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue())
                .as("no horizontal scrolling on a phone")
                .isLessThanOrEqualTo(0);
        screenshot(phone, "admin-organizations-phone");
        phone.context().close();
    }

    @Test
    void aCsrActsOnBehalfOfABuyerAdministratorAndStops() {
        Tenant tenant = tenants.create();
        signIn("csr", "demo");
        assertThat(page).hasURL(Pattern.compile("/store/customer-service$"));
        check("csr-customer-service");

        page.getByLabel("Name, logon ID, email or organization").fill(tenant.admin());
        page.keyboard().press("Enter");
        Locator row = page.locator("tr[data-logon-id='" + tenant.admin() + "']");
        assertThat(row).isVisible();
        row.locator("summary").click();
        check("csr-found");
        row.getByLabel("Reason for accessing the account (ticket number or description)")
                .fill("Ticket 4711");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Access customer's account"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/store/account$"));
        assertThat(page.locator("#on-behalf-banner")).containsText("You are acting on behalf of Ada Tester");
        assertThat(page.locator("#on-behalf-banner")).containsText("Reason: Ticket 4711");
        check("csr-on-behalf-my-account");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Organizations and Buyers"))
                .click();
        page.locator("#organization-tree a", new Page.LocatorOptions().setHasText(tenant.organizationName() + ""))
                .first()
                .click();
        check("csr-on-behalf-organizations");
        page.locator("#create-buyer").click();
        String logonId = TestRegistrations.unique("olga");
        page.getByLabel("Logon ID *").fill(logonId);
        page.getByLabel("Last name *").fill("Behalf");
        page.getByLabel("Email *").fill(logonId + "@example.com");
        page.locator("#save-buyer").click();
        assertThat(page.locator("#buyer-logon-id")).hasText(logonId);
        assertThat(page.locator("#on-behalf-banner")).isVisible();
        check("csr-on-behalf-buyer-created");

        // deleting buyers is the seller's: not offered, only explained (issue 22, item 5)
        assertThat(page.locator("#delete-buyer")).hasCount(0);
        assertThat(page.locator("#delete-note")).containsText("cannot delete");

        page.locator("#stop-on-behalf").click();
        assertThat(page).hasURL(Pattern.compile("/store/customer-service$"));
        assertThat(page.locator("#flash-message")).containsText("You stopped acting on behalf of Ada Tester");
        assertThat(page.locator("#on-behalf-banner")).hasCount(0);
        check("csr-stopped");

        page.navigate("/store/customer-service/history");
        assertThat(page.locator("#history-table")).containsText("Buyer created");
        assertThat(page.locator("#history-table")).containsText("Ticket 4711");
        check("csr-history");
    }

    @Test
    void aBuyerWhoForgotTheirPasswordChoosesANewOneThroughTheMailedLink() {
        Tenant tenant = tenants.create();
        page.navigate("/store/login");
        page.getByText("Forgot your password?").click();
        assertThat(page.locator("#reset-staff-note")).containsText("administrator");
        page.getByLabel("Logon ID").fill(tenant.buyer());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link"))
                .click();
        assertThat(page.locator("#reset-requested")).isVisible();

        org.assertj.core.api.Assertions.assertThat(mail.waitForIncomingEmail(20_000, 1))
                .isTrue();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "http://shop\\.test(/store/password-reset\\?token=[A-Za-z0-9_-]+)")
                .matcher(TestSmtp.text(
                        TestSmtp.to(mail, tenant.buyer() + "@example.com").get(0)));
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        page.navigate(link.group(1));
        page.getByLabel("New password").fill("violet tangerine harbour");
        page.getByLabel("Repeat the password").fill("violet tangerine harbour");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set new password"))
                .click();
        assertThat(page.locator("#reset-done")).isVisible();
        screenshot(page, "password-reset-done");

        signIn(tenant.buyer(), "violet tangerine harbour");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/store/account$"));
    }

    @Test
    void aBuyerAdministratorInvitesSomeoneWhoRegistersThroughTheMailedLinkAndIsSignedIn() {
        Tenant tenant = tenants.create();
        signIn(tenant.admin(), TestRegistrations.PASSWORD);
        page.navigate("/store/account/organizations");
        page.locator("#invitations").click();
        String email = TestRegistrations.unique("ivy") + "@example.com";
        page.getByLabel("Email *").fill(email);
        check("admin-invitations");
        page.locator("#send-invitation").click();
        assertThat(page.locator("#flash-message")).hasText("An invitation was sent to " + email + ".");
        Locator row = page.locator("#invitation-table tr[data-email='" + email + "']");
        assertThat(row.locator(".invitation-state")).hasText("pending");

        java.util.regex.Matcher link = Pattern.compile("/store/invitations/[A-Za-z0-9_-]+")
                .matcher(TestSmtp.text(TestSmtp.to(mail, email).get(0)));
        assertThat(link.find()).as("the mail links the invitation page").isTrue();
        BrowserContext inviteeContext = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setLocale("en-US"));
        Page invitee = inviteeContext.newPage();
        invitee.navigate(link.group());
        assertThat(invitee.locator("#invitation-intro")).containsText(tenant.organizationName());
        assertThat(invitee.locator("#invited-email")).hasValue(email);
        String logonId = TestRegistrations.unique("ivy");
        invitee.getByLabel("First name").fill("Ivy");
        invitee.getByLabel("Last name *").fill("Invited");
        invitee.getByLabel("Logon ID *").fill(logonId);
        invitee.locator("[id='user.password']").fill(TestRegistrations.PASSWORD);
        invitee.locator("[id='user.passwordVerify']").fill(TestRegistrations.PASSWORD);
        invitee.locator("#consentVersion").check();
        screenshot(invitee, "invitee-registers");
        invitee.locator("#accept-invitation").click();
        assertThat(invitee.locator("#login-invited")).isVisible();
        assertThat(invitee.getByLabel("Logon ID")).hasValue(logonId);
        invitee.getByLabel("Password").fill(TestRegistrations.PASSWORD);
        invitee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(invitee).hasURL(Pattern.compile("/store/account$"));
        screenshot(invitee, "invitee-signed-in");
        inviteeContext.close();

        page.reload();
        assertThat(row.locator(".invitation-state")).hasText("accepted");
        assertThat(row).containsText(logonId);
    }

    @Test
    void aBuyerSeesWhyOrderingWaitsForTheContractKeepsTheProfileAndChangesThePassword() throws Exception {
        Tenant tenant = tenants.create();
        java.time.LocalDate newYear = java.time.LocalDate.now().withDayOfYear(1).plusYears(1);
        jdbc.update(
                "update contract set valid_from = ? where account_id in (select id from account where organization_id = ?)",
                newYear,
                tenant.organizationId());
        page.setViewportSize(1280, 800);
        signIn(tenant.buyer(), TestRegistrations.PASSWORD);
        assertThat(page.locator("#ordering-reason"))
                .hasText("your contract starts on "
                        + new com.b2bflow.shared.HumanFormat(
                                        java.util.Locale.ENGLISH, com.b2bflow.shared.HumanFormat.DEFAULT_ZONE)
                                .date(newYear)
                        + ". You can order from that day.");
        assertThat(page.locator("#contracts"))
                .containsText(tenant.organizationName().replace(" Corp", " account"));
        assertThat(page.locator("#contracts .contract-status")).hasText("Not started yet");
        check("buyer-my-account-contract-not-started");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("docs-my-account.png")));

        page.locator("#profile-link").click();
        page.getByLabel("Phone").fill("+49 228 4711");
        page.getByLabel("Preferred currency").selectOption("CHF");
        page.getByLabel("Yes, send me offers and news by email").check();
        check("buyer-profile");
        page.getByLabel("Phone").press("Enter");
        assertThat(page.locator("#flash-message")).hasText("Your profile was saved.");
        assertThat(page.getByLabel("Preferred currency")).hasValue("CHF");

        page.locator("#password-link").first().click();
        page.getByLabel("Current password *").fill(TestRegistrations.PASSWORD);
        page.getByLabel("New password *").fill("short");
        page.getByLabel("New password again *").fill("short");
        page.getByLabel("New password again *").press("Enter");
        assertThat(page.locator("#newPassword-error")).containsText("12 to 64 characters");
        check("buyer-password-refused");
        page.getByLabel("Current password *").fill(TestRegistrations.PASSWORD);
        page.getByLabel("New password *").fill("copper lantern meadow");
        page.getByLabel("New password again *").fill("copper lantern meadow");
        page.locator("#change-password").click();
        assertThat(page.locator("#flash-message")).containsText("Your password was changed.");
    }

    @Test
    void pagesSpeakGermanAndWorkWithTheKeyboard() {
        Tenant tenant = tenants.create();
        BrowserContext german = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setLocale("de-DE"));
        Page p = german.newPage();
        p.navigate("/store/login");
        p.getByLabel("Anmelde-ID").fill(tenant.admin());
        p.getByLabel("Passwort").fill(TestRegistrations.PASSWORD);
        p.keyboard().press("Enter");
        assertThat(p.locator("h1")).hasText("Mein Konto");
        p.keyboard().press("Tab");
        assertThat(p.locator(".skip-link")).isFocused();
        p.navigate("/store/account/organizations");
        assertThat(p.locator("h1")).hasText("Organisationen und Einkäufer");
        p.locator("#q").focus();
        p.keyboard().type(tenant.buyer());
        p.keyboard().press("Enter");
        assertThat(p.locator("#buyer-table tbody tr")).hasCount(1);
        screenshot(p, "german-organizations");
        german.close();
    }

    private void signIn(String logonId, String password) {
        Browsers.signIn(page, logonId, password);
    }

    /** Every field has a label; then a screenshot. */
    private void check(String name) {
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll("
                + "'input:not([type=hidden]), textarea, select')].filter(e => !e.labels || e.labels.length === 0)"
                + ".map(e => e.name || e.id)");
        assertThat((java.util.List<?>) unlabelled)
                .as("fields without a label on " + name)
                .isEmpty();
        screenshot(page, name);
    }

    private void screenshot(Page target, String name) {
        target.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(Browsers.SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name))));
    }
}

package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.Accessibility;
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
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console in a real browser, as seller admin, account rep, site admin and CSR: each sees the pages and
 * actions their role may use and no others. axe-core checks every page (no serious or critical violations); a
 * screenshot of each is kept under target/screenshots/staff-console/ (docs/images/ shows some of them).
 */
@Tag(TestTiers.BROWSER)
@IntegrationTest
class StaffConsoleBrowserTest {

    static final Path SCREENSHOTS = Browsers.SCREENSHOTS.resolve("staff-console");

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    JobDriver jobs;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aSellerAdministratorFindsACustomerDisablesThemAndReadsItInTheAuditLog() {
        Tenant tenant = tenants.create();
        // a registration waiting for review whose organization's name the search finds too
        String applicant = TestRegistrations.unique("paula");
        String registration = submitters
                .submit(
                        RegistrationFlow.ORGANIZATION,
                        TestRegistrations.organization(
                                tenant.organizationName() + " Trading", applicant, applicant + "@example.com"))
                .id();
        jobs.executeAllOf(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(registration)
                .singleResult()
                .getId());
        Page page = signedIn("seller-admin", "en-US");
        assertThat(page).hasURL(Pattern.compile("/store/staff$"));
        assertThat(page.locator("#console-nav #console-audit")).isVisible();
        screenshot(page, "seller-admin-home");

        page.locator("#console-find").click();
        assertThat(page).hasURL(Pattern.compile("/store/staff/customers$"));
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.getByLabel("Name, logon ID, email or tax ID").fill(tenant.organizationName());
        page.keyboard().press("Enter");
        Locator row = page.locator("#user-results tr[data-logon-id='" + tenant.buyer() + "']");
        assertThat(row).containsText("approved");
        assertThat(row).containsText("Root Organization › " + tenant.organizationName());
        Locator pending = page.locator("#user-results tr[data-logon-id='" + applicant + "']");
        assertThat(pending).containsText("waiting for approval");
        assertThat(pending.locator(".task-link"))
                .hasAttribute("href", Pattern.compile("/camunda/app/tasklist/.*task="));
        check(page, "seller-admin-find-users");
        page.locator("#kind-organizations").click();
        assertThat(page.locator("#organization-results")).containsText(tenant.organizationName());
        assertThat(page.locator("#organization-results"))
                .containsText("Organization registration: Review registration");
        screenshot(page, "seller-admin-find-organizations");

        page.locator("#kind-users").click();
        row.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#user-logon-id")).hasText(tenant.buyer());
        assertThat(page.locator("#roles-form")).isVisible();
        assertThat(page.locator("#delete-user")).isVisible();
        check(page, "seller-admin-user");
        page.getByLabel("Reason for disabling the account (ticket number or description)")
                .fill("Ticket 4711");
        page.locator("#disable").click();
        assertThat(page.locator("#flash-message")).containsText("The account is disabled");
        assertThat(page.locator("#user-state")).containsText("disabled");
        assertThat(page.locator("#enable")).isVisible();
        screenshot(page, "seller-admin-user-disabled");

        page.locator("#console-audit").click();
        page.getByLabel("Customer (organization, logon ID or email)").fill(tenant.organizationName());
        page.getByLabel("Action").selectOption("CUSTOMER_DISABLED");
        page.locator("#filter-audit").click();
        Locator entry = page.locator("#audit-table tr[data-action='CUSTOMER_DISABLED']");
        assertThat(entry).hasCount(1);
        assertThat(entry).containsText("Account disabled");
        assertThat(entry).containsText("Ticket 4711");
        assertThat(entry).containsText("seller-admin");
        check(page, "seller-admin-audit");
    }

    @Test
    void aSiteAdministratorChangesRolesAndAnAccountRepresentativeOnlyReads() {
        Tenant tenant = tenants.create();
        Page site = signedIn("site-admin", "en-US");
        site.navigate("/store/staff/users/" + tenant.buyerId());
        site.getByLabel("Buyer Approver").check();
        site.locator("#save-roles").click();
        assertThat(site.locator("#flash-message")).hasText("The roles were saved.");
        assertThat(site.locator("#user-roles")).containsText("Buyer Approver");
        screenshot(site, "site-admin-user-roles");
        context.close();

        Page rep = signedIn("account-rep", "en-US");
        assertThat(rep.locator("#console-nav #console-find")).isVisible();
        assertThat(rep.locator("#console-nav #console-audit")).hasCount(0);
        rep.navigate("/store/staff/users/" + tenant.buyerId());
        assertThat(rep.locator("#no-actions")).isVisible();
        assertThat(rep.locator("#user-actions form")).hasCount(0);
        screenshot(rep, "account-rep-user");
        rep.navigate("/store/staff/audit");
        assertThat(rep.locator("#refusal")).hasAttribute("data-status", "403");
        screenshot(rep, "account-rep-audit-refused");
    }

    @Test
    void aCsrSeesTheSearchAndOnlyTheCustomerServiceActionsInGermanToo() {
        Tenant tenant = tenants.create();
        Page csr = signedIn("csr", "de-DE");
        csr.navigate("/store/staff");
        assertThat(csr.locator("h1")).hasText("Mitarbeiter-Startseite");
        assertThat(csr.locator("#console-nav #console-find")).isVisible();
        assertThat(csr.locator("#console-nav #console-audit")).hasCount(0);
        assertThat(csr.locator("#console-nav #console-registrations")).hasCount(0);
        check(csr, "csr-home-de");

        csr.locator("#console-find").click();
        csr.getByLabel("Name, Anmelde-ID, E-Mail oder Steuernummer").fill(tenant.admin());
        csr.keyboard().press("Enter");
        csr.locator("#user-results tr[data-logon-id='" + tenant.admin() + "'] a")
                .first()
                .click();
        assertThat(csr.locator("#disable")).isVisible();
        assertThat(csr.locator("#act-on-behalf")).isVisible();
        assertThat(csr.locator("#roles-form")).hasCount(0);
        assertThat(csr.locator("#delete-user")).hasCount(0);
        assertThat(csr.locator("#erase-data")).hasCount(0);
        screenshot(csr, "csr-user-administrator-de");

        csr.navigate("/store/staff/users/" + tenant.buyerId());
        assertThat(csr.locator("#export-data")).isVisible();
        assertThat(csr.locator("#disable")).hasCount(0);
        csr.navigate("/store/staff/audit");
        assertThat(csr.locator("#refusal")).hasAttribute("data-status", "403");
        screenshot(csr, "csr-audit-refused-de");
    }

    /** A new browser context signed in as the given staff member, at 1280×800 in the given locale. */
    private Page signedIn(String staff, String locale) {
        context = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setLocale(locale)
                        .setViewportSize(1280, 800));
        Page page = context.newPage();
        Browsers.signIn(page, staff, "demo");
        page.waitForURL(url -> !url.contains("/store/login"));
        return page;
    }

    /**
     * axe-core finds nothing serious on the page; then its screenshot. Each of the console's pages is checked once,
     * in its fullest state (staff home, Find, User, Audit): an axe run costs one to two seconds here.
     */
    private static void check(Page page, String name) {
        Accessibility.check(page);
        screenshot(page, name);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}

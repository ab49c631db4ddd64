package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.b2bflow.member.Organization;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.support.Accessibility;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestMembers;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestReviews;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console's Organization and Registrations pages in a real browser, as seller admin, account rep, site
 * admin and CSR: each is offered the actions of their role and refused the rest; a change is made with the keyboard;
 * the existing 409 of deleting an organization in use is shown as a message. axe-core checks every page; screenshots
 * go to target/screenshots/staff-console/ (docs/images/ shows one of each page).
 */
@Tag(TestTiers.BROWSER)
@IntegrationTest
class StaffOrganizationBrowserTest {

    static final Path SCREENSHOTS = Browsers.SCREENSHOTS.resolve("staff-console");

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestMembers members;

    @Autowired
    TestReviews reviews;

    @Autowired
    TaskService tasks;

    BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void sellerAndSiteAdministratorsSeeRegistrationsByTheirSlaAndRunAnOrganization() {
        Task escalated = tasks.createTaskQuery().taskId(reviews.openReview()).singleResult();
        reviews.escalate(escalated.getId());
        Organization customer = members.buyerOrganization();
        Organization department = members.subOrganization(customer, TestRegistrations.unique("Dept"));
        User approver = members.user(customer, Roles.BUYER_APPROVER, Roles.BUYER);

        Page seller = signedIn("seller-admin", "en-US");
        seller.locator("#console-nav #console-registrations").click();
        seller.locator("#filter-sla").selectOption("ESCALATED");
        seller.locator("#filter-step").selectOption("Task_ReviewRegistration");
        seller.locator("#apply-filters").click();
        var row = seller.locator("tr.sla-escalated")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHas(seller.locator("a.task-link[href$='task=" + escalated.getId() + "']")));
        assertThat(row).hasCount(1);
        assertThat(row.locator("a.instance-link"))
                .hasAttribute(
                        "href",
                        Pattern.compile("/camunda/app/cockpit/default/#/process-instance/"
                                + escalated.getProcessInstanceId() + "/runtime$"));
        check(seller, "registrations");

        seller.navigate("/store/staff/organizations/" + customer.getId());
        assertThat(seller.locator("#children-list")).containsText(department.getName());
        assertThat(seller.locator("#roles-form")).isVisible();
        assertThat(seller.locator("#delete-organization")).hasCount(0);
        assertThat(seller.locator("#delete-in-use")).isVisible();
        // by keyboard: choose the approver, tab to the button, press Enter
        seller.locator("#approver-candidate").selectOption(String.valueOf(approver.getId()));
        seller.locator("#approver-candidate").focus();
        seller.keyboard().press("Tab");
        assertThat(seller.locator("#add-approver-button")).isFocused();
        seller.keyboard().press("Enter");
        assertThat(seller.locator("#flash-message")).hasText("The approver was added.");
        assertThat(seller.locator("#approver-list")).containsText(approver.getLogonId());
        seller.evaluate("window.scrollTo(0, 0)");
        check(seller, "organization");

        context.close();

        Page site = signedIn("site-admin", "en-US");
        site.navigate("/store/staff/organizations/" + department.getId());
        site.locator("#delete-organization").click();
        assertThat(site).hasURL(Pattern.compile("/store/staff/organizations/" + customer.getId() + "$"));
        assertThat(site.locator("#flash-message")).hasText("The organization was deleted.");
        assertThat(site.locator("#children")).not().containsText(department.getName());
    }

    @Test
    void accountRepresentativesMaintainContractsOnlyAndCustomerServiceSeesNeitherPage() {
        Organization customer = members.buyerOrganization();

        Page rep = signedIn("account-rep", "de-DE");
        rep.navigate("/store/staff/organizations/" + customer.getId());
        assertThat(rep.locator("#roles-form")).hasCount(0);
        assertThat(rep.locator("#delete-organization")).hasCount(0);
        assertThat(rep.locator("#add-approver")).hasCount(0);
        rep.locator("#contract-name").fill("Rahmenvertrag 2031");
        rep.locator("#contract-from").fill("2031-01-01");
        rep.locator("#add-contract-button").click();
        assertThat(rep.locator("#flash-message")).hasText("Der Vertrag wurde hinzugefügt.");
        assertThat(rep.locator("#contract-table")).containsText("Rahmenvertrag 2031");
        check(rep, "organization-account-rep-de");
        rep.locator("#console-nav #console-registrations").click();
        assertThat(rep.locator("h1")).hasText("Registrierungen");
        check(rep, "registrations-account-rep-de");
        context.close();

        Page csr = signedIn("csr", "en-US");
        assertThat(csr.locator("#console-nav #console-registrations")).hasCount(0);
        Response organization = csr.navigate("/store/staff/organizations/" + customer.getId());
        org.assertj.core.api.Assertions.assertThat(organization.status()).isEqualTo(403);
        Response registrations = csr.navigate("/store/staff/registrations");
        org.assertj.core.api.Assertions.assertThat(registrations.status()).isEqualTo(403);
        check(csr, "registrations-refused-csr");
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

    /** axe-core finds nothing serious on the page; then its screenshot (the first screen: 1280×800). */
    private static void check(Page page, String name) {
        Accessibility.check(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}

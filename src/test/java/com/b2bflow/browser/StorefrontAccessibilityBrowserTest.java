package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.Organization;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.Accessibility;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestLinks;
import com.b2bflow.support.TestMembers;
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
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.ScreenshotType;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every storefront page in its main states (the form, the form the server refused, the page that follows), in English
 * and then in German, walked in one browser context: axe-core finds no serious or critical violation on any of them
 * ({@link Accessibility}), and every refused form comes back with the focus on its error summary, whose links move the
 * focus to the fields. An empty form is checked as the server gives it back refused: that page is the same form with
 * the summary and the fields' messages added, and an axe run costs a fifth of a second here, so the walk checks each
 * form once per language. A screenshot of each checked state is kept under target/screenshots/storefront/.
 */
@Tag(TestTiers.BROWSER)
@IntegrationTest
class StorefrontAccessibilityBrowserTest {

    static final Path SCREENSHOTS = Browsers.SCREENSHOTS.resolve("storefront");
    static final String NEW_PASSWORD = "copper lantern meadow";
    static final String OTHER_PASSWORD = "violet tangerine harbour";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TestMembers members;

    @Autowired
    TestLinks links;

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    JobDriver jobs;

    @Autowired
    RuntimeService runtime;

    BrowserContext context;
    Page page;
    String language;

    @Test
    void everyPageInEnglishAndGermanPassesAxeAndARefusedFormFocusesItsErrorSummary() {
        context = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setViewportSize(1280, 800));
        page = context.newPage();
        try {
            for (String each : List.of("en", "de")) {
                language = each;
                Tenant tenant = tenants.create();
                visitorPages(tenant);
                // buyers register into organizations under the registration parent, which tenants are not
                Organization organization = members.buyerOrganization();
                User admin = members.user(organization, Roles.BUYER_ADMINISTRATOR, Roles.BUYER_APPROVER);
                members.approvers(organization, admin);
                customerServicePages(admin.getLogonId());
                buyerAdministratorPages(organization, admin.getLogonId(), tenant.buyerId());
            }
        } finally {
            context.close();
        }
    }

    /** Signed out: sign-in, registration and its status, HCL's form, password reset, activation, invitation. */
    private void visitorPages(Tenant tenant) {
        start();
        page.navigate("/store/login");
        page.locator("#logonId").fill(tenant.approver());
        page.locator("#logonPassword").fill(OTHER_PASSWORD);
        page.locator("#logonPassword").press("Enter");
        refused("login-refused");

        page.navigate("/store/register/choose");
        check("register-choose");
        page.navigate("/store/register/organization");
        String applicant = TestRegistrations.unique("walk");
        fillRegistration(applicant);
        submitForm();
        refused("register-organization-refused");
        // the summary as the person sees it, at 1280 × 800 (docs/accessibility.md shows the German one)
        page.locator("#error-summary").focus();
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(language + "-error-summary-focused.png")));
        page.locator("[id='user.password']").fill(TestRegistrations.PASSWORD);
        page.locator("[id='user.passwordVerify']").fill(TestRegistrations.PASSWORD);
        submitForm();
        assertThat(page.locator("#next-steps")).isVisible();
        page.locator("#withdraw summary").click();
        page.locator("#withdraw-logonId").fill(applicant);
        page.locator("#withdraw-password").fill(OTHER_PASSWORD);
        page.locator("#withdraw button[type=submit]").click();
        refused("registration-withdrawal-refused");

        page.navigate("/store/register");
        fillRegistration(TestRegistrations.unique("shop"));
        submitForm();
        refused("register-company-refused");
        hclFormPost();
        refused("hcl-register-refused");

        passwordResetPages(tenant);
        activationPages();

        page.navigate("/store/invitations/" + tenants.invitationLinkIn(tenant.organizationId()));
        page.locator("#accept-invitation").click();
        refused("invitation-refused");
    }

    private void passwordResetPages(Tenant tenant) {
        page.navigate("/store/password-reset");
        page.locator("#reset-request").click();
        refused("password-reset-refused");
        page.locator("#logonId").fill(TestRegistrations.unique("nobody"));
        page.locator("#reset-request").click();
        assertThat(page.locator("#reset-requested")).isVisible();
        check("password-reset-requested");

        String link = "/store/password-reset?token=" + links.passwordReset(tenant.buyerId());
        page.navigate(link);
        page.locator("#password").fill(NEW_PASSWORD);
        page.locator("#passwordVerify").fill(OTHER_PASSWORD);
        page.locator("#reset-confirm").click();
        refused("password-reset-form-refused");
        page.locator("#password").fill(NEW_PASSWORD);
        page.locator("#passwordVerify").fill(NEW_PASSWORD);
        page.locator("#reset-confirm").click();
        assertThat(page.locator("#reset-done")).isVisible();
        check("password-reset-done");
        page.navigate(link);
        assertThat(page.locator("#reset-gone")).isVisible();
        check("password-reset-link-used");
    }

    private void activationPages() {
        String link = "/store/activate?token=" + links.activation();
        page.navigate(link);
        page.locator("#password").fill(NEW_PASSWORD);
        page.locator("#passwordVerify").fill(OTHER_PASSWORD);
        submitForm();
        refused("activate-refused");
        page.locator("#password").fill(NEW_PASSWORD);
        page.locator("#passwordVerify").fill(NEW_PASSWORD);
        submitForm();
        assertThat(page.locator("#activation-done")).isVisible();
        check("activate-done");
        page.navigate(link);
        assertThat(page.locator("#activation-gone")).isVisible();
        check("activate-link-used");
        page.navigate("/store/activate/renewal");
        submitForm();
        refused("activate-renewal-refused");
        page.locator("#identifier").fill(TestRegistrations.unique("nobody"));
        submitForm();
        assertThat(page.locator("#renewal-requested")).isVisible();
        check("activate-renewal-requested");
    }

    /** A CSR finds the buyer administrator and acts on their behalf (the history then has rows), and stops. */
    private void customerServicePages(String admin) {
        start();
        Browsers.signIn(page, "csr", "demo");
        assertThat(page).hasURL(Pattern.compile("/store/customer-service$"));
        page.locator("#q").fill(admin);
        page.locator("#find-customers").click();
        Locator row = page.locator("tr[data-logon-id='" + admin + "']");
        row.locator("summary").click();
        check("customer-service");
        row.locator("textarea[name=reason]").first().fill("Ticket 4711");
        row.locator("button.access").click();
        assertThat(page.locator("#on-behalf-banner")).isVisible();
        check("my-account-on-behalf");
        page.locator("#stop-on-behalf").click();
        assertThat(page.locator("#flash-message")).isVisible();
    }

    /**
     * A buyer administrator's My Account, profile, password, organizations, buyers, invitations and approvals, and
     * the page that refuses them another organization's buyer.
     */
    private void buyerAdministratorPages(Organization organization, String admin, long strangerId) {
        String waiting = waitingBuyerRegistration(organization.getName());
        start();
        Browsers.signIn(page, admin, TestRegistrations.PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/store/account$"));
        check("my-account");
        page.navigate("/store/account/profile");
        page.locator("#lastName").fill("");
        page.locator("#save-profile").click();
        refused("profile-refused");
        page.navigate("/store/account/password");
        page.locator("#currentPassword").fill(OTHER_PASSWORD);
        page.locator("#newPassword").fill(NEW_PASSWORD);
        page.locator("#newPasswordVerify").fill(NEW_PASSWORD);
        page.locator("#change-password").click();
        refused("password-refused");

        page.navigate("/store/account/organizations");
        page.navigate("/store/account/organizations/new?parent=" + organization.getId());
        page.locator("#save-organization").click();
        refused("organization-new-refused");
        page.locator("#name").fill(TestRegistrations.unique("Unit"));
        page.locator("#save-organization").click();
        assertThat(page.locator("#flash-message")).isVisible();
        check("organization-created");

        page.navigate("/store/account/organizations/" + organization.getId() + "/buyers/new");
        page.locator("#save-buyer").click();
        refused("buyer-new-refused");
        String buyer = TestRegistrations.unique("bruno");
        page.locator("#logonId").fill(buyer);
        page.locator("#lastName").fill("Buyer");
        page.locator("#email").fill(buyer + "@example.com");
        page.locator("#save-buyer").click();
        assertThat(page.locator("#buyer-logon-id")).hasText(buyer);
        page.locator("#email").fill("");
        page.locator("#save-buyer").click();
        refused("buyer-refused");
        page.navigate("/store/account/buyers/" + strangerId);
        assertThat(page.locator("#refusal")).isVisible();
        check("refused");

        page.navigate("/store/account/organizations/" + organization.getId() + "/invitations");
        page.locator("#email").fill("not an address");
        page.locator("#send-invitation").click();
        refused("invitations-refused");

        page.navigate("/store/account/approvals");
        Locator approval = page.locator("#approval-" + waiting);
        assertThat(approval).isVisible();
        approval.locator("button[value=false]").click();
        refused("approvals-refused");

        page.navigate("/store/account/customer-service-history");
        assertThat(page.locator("#history-table")).isVisible();
        check("customer-service-history");
    }

    /** Signed out, cookies cleared, the page language chosen by its cookie (as the language switch sets it). */
    private void start() {
        context.clearCookies();
        context.addCookies(List.of(new Cookie("lang", language).setUrl("http://localhost:" + port)));
    }

    /** The registration form filled in as the browser accepts it, but with passwords that differ (the server's rule). */
    private void fillRegistration(String logonId) {
        page.locator("[id='organization.name']").fill(logonId + " GmbH");
        page.locator("[id='address.city']").fill("Köln");
        page.locator("[id='address.country']").selectOption("DE");
        page.locator("[id='user.lastName']").fill("Walker");
        page.locator("[id='user.email']").fill(logonId + "@example.com");
        page.locator("[id='user.logonId']").fill(logonId);
        page.locator("[id='user.password']").fill(TestRegistrations.PASSWORD);
        page.locator("[id='user.passwordVerify']").fill(OTHER_PASSWORD);
        page.locator("#consentVersion").check();
    }

    private void submitForm() {
        page.locator("#main form button[type=submit]").first().click();
    }

    /**
     * A browser's form post to HCL's registration URL without the passwords: the answer is HCL's registration form
     * with its error summary (the form is added to the page here; the storefront has no page that posts there).
     */
    private void hclFormPost() {
        page.evaluate("""
                action => {
                  const form = Object.assign(document.createElement('form'), {method: 'post', action, id: 'hcl-post'});
                  for (const [name, value] of [['org_orgEntityName', 'Walk GmbH'], ['usr_logonId', 'walker']]) {
                    form.append(Object.assign(document.createElement('input'), {type: 'hidden', name, value}));
                  }
                  form.append(Object.assign(document.createElement('button'), {type: 'submit', textContent: 'post'}));
                  document.body.append(form);
                }""", "/webapp/wcs/stores/servlet/BuyerRegistrationAdd");
        page.locator("#hcl-post button").click();
    }

    /** A buyer registration into the organization, waiting for its buyer approvers; its id. */
    private String waitingBuyerRegistration(String organizationName) {
        String id = submitters
                .submit(RegistrationFlow.BUYER, TestRegistrations.buyer(organizationName))
                .id();
        jobs.executeAllOf(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId());
        return id;
    }

    /**
     * The server refused the form: the page comes back with the focus on its error summary (checked like every
     * page), and the summary's links move the focus to the fields they name: the first one clicked as a person
     * does, then every one by a script's click (one round trip instead of one per link).
     */
    private void refused(String name) {
        Locator summary = page.locator("#error-summary");
        assertThat(summary).isFocused();
        check(name);
        Locator first = summary.locator("a[href^='#']").first();
        String field = first.getAttribute("href").substring(1);
        first.click();
        assertThat((Boolean) page.evaluate("id => document.getElementById(id).contains(document.activeElement)", field))
                .as(name + ": the summary's link to " + field + " moves the focus there")
                .isTrue();
        Object missing = page.evaluate("""
                () => [...document.querySelectorAll('#error-summary a[href^="#"]')].filter(link => {
                  link.click();
                  const field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
                  return !field || !field.contains(document.activeElement);
                }).map(link => link.getAttribute('href'))""");
        assertThat((List<?>) missing)
                .as(name + ": links of the error summary that do not move the focus to their field")
                .isEmpty();
    }

    /** The page is in the walk's language and axe-core finds nothing serious on it; then its screenshot. */
    private void check(String name) {
        assertThat(page.locator("html")).hasAttribute("lang", language);
        Accessibility.check(page);
        page.screenshot(new Page.ScreenshotOptions()
                .setType(ScreenshotType.JPEG)
                .setQuality(80)
                .setPath(SCREENSHOTS.resolve(language + "-" + name + ".jpg")));
    }
}

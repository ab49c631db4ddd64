package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.support.ApplicationNode;
import com.b2bflow.support.TestDatabase;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff side in a real browser: a seller admin follows the task link of the group's mail, signs in once on the
 * storefront's sign-in page, lands on Task_ReviewRegistration in the real Camunda Tasklist, sees the Camunda Form
 * with the submitted data, completes it and signs out of everything from Tasklist; the account rep completes
 * Task_SetUpAccount; the seller admin approves and, with the same sign-in, sees the process in Cockpit; the buyer
 * administrator then signs in to the storefront. A second test submits the storefront registration form.
 * Screenshots: target/screenshots/tasklist-*. The application runs as its own process, as in production: the Camunda
 * webapps keep static state that other application contexts in a shared test JVM would disturb.
 */
@Tag(TestTiers.BROWSER)
class TasklistBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    static Playwright playwright;
    static Browser browser;
    static ApplicationNode node;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    BrowserContext context;
    Page page;
    int shot;

    @BeforeAll
    static void launch() throws Exception {
        Browsers.assumeChromium();
        // the database of the pass: H2, or a fresh database on the embedded PostgreSQL with -Dtest.database=postgres
        Map<String, String> properties = new HashMap<>();
        if ("postgres".equals(System.getProperty("test.database"))) {
            TestDatabase.postgresDatabase("b2b_tasklist_" + System.nanoTime())
                    .forEach((key, value) -> properties.put(key, String.valueOf(value)));
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:tasklist;DB_CLOSE_DELAY=-1");
        }
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestSmtp.port()));
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "300");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        node = ApplicationNode.startOnTestClasspath("tasklist-browser", properties);
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(node.url(""))
                .setLocale("en-US")
                .setViewportSize(1400, 1000));
        page = context.newPage();
        // the Tasklist single-page app takes a while to render on a busy 2-core machine
        page.setDefaultTimeout(60_000);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void staffReviewSetUpAndApproveInTasklistThenTheAdministratorSignsIn() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        String id = submit(request);
        awaitStep(id, "Task_ReviewRegistration");

        // one sign-in: the task link of the group's mail leads through the storefront's sign-in to that very task
        page.navigate(taskLinkMailedFor(request.organization().name()));
        page.waitForURL("**/store/login**");
        signInOnTheStorefront("seller-admin");
        page.waitForURL(Pattern.compile(".*/camunda/app/tasklist/default/#/\\?task=.*"));
        claimTheOpenTask();
        assertThat(page.getByLabel("Organization name", new Page.GetByLabelOptions().setExact(false))
                        .first())
                .hasValue(request.organization().name());
        screenshot("review-form");
        page.getByLabel("Approve this registration").check();
        completeTask();
        // signing out in Tasklist signs out of everything, the staff pages included
        page.locator("li.account .dropdown-toggle").click();
        page.locator("li.logout a").click();
        page.waitForURL("**/store/login?logout");
        page.navigate("/store/staff");
        page.waitForURL("**/store/login");

        signInToTasklist("account-rep");
        openTask("Set up account and contract");
        page.getByLabel("Account name", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill("Main account");
        page.getByLabel("Contract name", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill("Standard 2026");
        page.getByLabel("Valid from", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill("01/01/2026");
        page.keyboard().press("Escape");
        screenshot("set-up-account-form");
        completeTask();
        signOutOfTasklist();

        // four-eyes: the final approval comes from someone other than the reviewer
        signInToTasklist("seller-approver");
        openTask("Approve registration");
        page.getByLabel("Approve this registration").check();
        screenshot("approve-form");
        completeTask();
        awaitState(id, "APPROVED");

        // the same sign-in opens Cockpit, as the same staff member
        page.navigate("/camunda/app/cockpit/default/#/processes");
        assertThat(page.locator("li.account")).containsText("Pia Approver");
        assertThat(page.getByText("orgSelfRegistration")
                        .or(page.getByText("Organization self-registration"))
                        .first())
                .isVisible();
        screenshot("cockpit-processes");

        page.navigate("/store/login");
        field("logonId").fill(request.user().logonId());
        field("logonPassword").fill(TestRegistrations.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in")))
                .click();
        page.waitForURL("**/store/account");
        assertThat(page.getByText(request.organization().name()).first()).isVisible();
        screenshot("buyer-admin-my-account");
    }

    @Test
    void theStorefrontRegistrationFormSubmitsInTheBrowser() {
        String key = TestRegistrations.unique("browser");
        page.navigate("/store/register/organization");
        field("organization.name").fill(key + " Ltd");
        field("address.city").fill("Leipzig");
        field("user.firstName").fill("Lise");
        field("user.lastName").fill("Meitner");
        field("user.email").fill(key + "@browser.example.com");
        field("user.logonId").fill(key);
        field("user.password").fill(TestRegistrations.PASSWORD);
        field("user.passwordVerify").fill(TestRegistrations.PASSWORD);
        page.locator("#consentVersion").check();
        screenshot("storefront-registration-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit registration"))
                .click();
        page.waitForURL("**/store/registration/**");
        assertThat(page.locator("#registration-state")).hasAttribute("data-state", "PENDING");
        screenshot("storefront-registration-result");
    }

    /**
     * What only Tasklist's own rendering of the forms shows: the review warns of a duplicate with a link to its
     * staff console page and starts with the policy's roles ticked; the set-up form says at once when the contract's
     * last day is before its first.
     */
    @Test
    void theReviewLinksADuplicateAndTheSetUpFormFlagsDatesOutOfOrder() throws Exception {
        String taxId = "DE " + TestRegistrations.unique("tax").substring(4);
        RegistrationRequest first = TestRegistrations.organization();
        submit(first, taxId);
        String second = submit(TestRegistrations.organization(), taxId);
        awaitStep(second, "Task_ReviewRegistration");

        signInToTasklist("seller-admin");
        openTaskOf(second);
        com.microsoft.playwright.Locator duplicate = page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName(first.organization().name()));
        assertThat(duplicate).isVisible();
        assertThat(duplicate).hasAttribute("href", Pattern.compile("^/store/staff/organizations/\\d+$"));
        duplicate.scrollIntoViewIfNeeded();
        screenshot("review-duplicate-warning");
        page.getByLabel("Approve this registration").check();
        assertThat(page.getByLabel("Buyer Approver", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        assertThat(page.getByLabel("Buyer registration approval")).isChecked();
        screenshot("review-presets");
        completeTask();
        signOutOfTasklist();

        awaitStep(second, "Task_SetUpAccount");
        signInToTasklist("account-rep");
        openTaskOf(second);
        enterDate("Valid from", "06/01/2027");
        enterDate("Valid to", "05/31/2027");
        assertThat(page.getByText("The contract cannot end before it starts")).isVisible();
        screenshot("set-up-dates-out-of-order");
        enterDate("Valid to", "06/30/2027");
        assertThat(page.getByText("The contract cannot end before it starts")).isHidden();
    }

    /** Types a day into a date field and leaves it, as a person does: the form takes the value when the field is left. */
    private void enterDate(String label, String day) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill(day);
        page.keyboard().press("Escape");
        page.getByLabel("Contract terms").click();
    }

    /** Opens the registration's open task by its link, as the staff mails do, and claims it. */
    private void openTaskOf(String registrationId) throws Exception {
        HttpResponse<String> found = http.send(
                node.request("GET", "/engine-rest/task?processInstanceBusinessKey=" + registrationId, "admin", null),
                HttpResponse.BodyHandlers.ofString());
        String taskId = json.readTree(found.body()).get(0).get("id").asText();
        page.navigate("/camunda/app/tasklist/default/#/?task=" + taskId);
        claimTheOpenTask();
    }

    private String submit(RegistrationRequest request, String taxId) throws Exception {
        Map<String, Object> body = TestRegistrations.body(request);
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = (Map<String, Object>) body.get("organization");
        organization.put("taxId", taxId);
        return submit(body);
    }

    private String submit(RegistrationRequest request) throws Exception {
        return submit(TestRegistrations.body(request));
    }

    private String submit(Map<String, Object> body) throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(node.url("/api/registrations/organization")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }

    private void awaitStep(String id, String step) throws Exception {
        await(id, "step", step);
    }

    private void awaitState(String id, String state) throws Exception {
        await(id, "state", state);
    }

    private void await(String id, String field, String expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String actual;
        do {
            actual = json.readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(node.url("/api/registrations/" + id)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get(field)
                    .asText();
            if (!expected.equals(actual)) {
                Thread.sleep(300);
            }
        } while (!expected.equals(actual) && Instant.now().isBefore(deadline));
        assertThat(actual).as(field + " of registration " + id).isEqualTo(expected);
    }

    private com.microsoft.playwright.Locator field(String name) {
        return page.locator("[name='" + name + "']");
    }

    /** The link to the review task in the mail to the seller admins about this organization. */
    private String taskLinkMailedFor(String organization) throws Exception {
        Pattern link = Pattern.compile("/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (jakarta.mail.internet.MimeMessage message : mail.getReceivedMessages()) {
                String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message)
                        .replace("=\r\n", "")
                        .replace("=3D", "=");
                java.util.regex.Matcher found = link.matcher(body);
                if (body.contains(organization) && found.find()) {
                    return found.group();
                }
            }
            mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail with a task link about " + organization);
    }

    /** Staff sign in on the storefront's sign-in page: one sign-in for the staff pages, Tasklist and Cockpit. */
    private void signInOnTheStorefront(String user) {
        field("logonId").fill(user);
        field("logonPassword").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in")))
                .click();
    }

    private void signInToTasklist(String user) {
        page.navigate("/camunda/app/tasklist/default/");
        page.waitForURL("**/store/login");
        signInOnTheStorefront(user);
        page.waitForURL("**/camunda/app/tasklist/default/**");
        try {
            page.getByText("My group tasks").first().waitFor();
        } catch (com.microsoft.playwright.PlaywrightException notSignedIn) {
            screenshot(user + "-not-signed-in");
            throw notSignedIn;
        }
        screenshot(user + "-tasklist");
    }

    /** Opens the task and claims it: Tasklist makes a candidate's form editable only once claimed. */
    private void openTask(String taskName) {
        page.getByText(taskName).first().click();
        claimTheOpenTask();
    }

    private void claimTheOpenTask() {
        page.getByText("Claim", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")))
                .isEnabled();
    }

    /** Completes the open task; Tasklist closes its form once the engine has taken the completion. */
    private void completeTask() {
        var complete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"));
        complete.click();
        assertThat(complete).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
        screenshot("after-complete");
    }

    private void signOutOfTasklist() {
        context.clearCookies();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(Browsers.SCREENSHOTS.resolve(String.format("tasklist-%02d-%s.png", ++shot, name))));
    }
}

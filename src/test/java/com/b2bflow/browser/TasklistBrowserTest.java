package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.support.Accessibility;
import com.b2bflow.support.ApplicationNode;
import com.b2bflow.support.TestDatabase;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registration chain in a real browser, once in English and once in German ({@link #theWholeJourney}): the
 * visitor's registration, the staff's review, set-up and final approval in the real Camunda Tasklist with the one
 * sign-in, the applicant's mail and My Account, a CSR acting on behalf and the buyer administrator's history, and a
 * new buyer's activation. A second test covers what only Tasklist's rendering of the forms shows. Screenshots:
 * target/screenshots/journey-* and tasklist-*. The application runs as its own process, as in production: the Camunda
 * webapps keep static state that other application contexts in a shared test JVM would disturb; both languages share
 * it and the browser.
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

    static final String CONTRACT = "Standard 2026";
    static final String ACCOUNT = "Main account";
    static final String REASON = "Ticket 4711";
    static final LocalDate CONTRACT_START = LocalDate.of(2026, 1, 1);

    BrowserContext context;
    Page page;
    int shot;
    WalkLanguage tasklistLanguage = WalkLanguage.of("en");

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

    /**
     * The whole chain once in each language, as the people in it meet it: a visitor chooses the registration from the
     * one "Register" entry and registers an organization (the browser refuses what the server would, the country
     * from a list, the consent ticked) and reads what happens next; the seller admin follows the task link of the
     * group's mail through the one sign-in to the review in Tasklist and signs out of everything there; the account
     * rep sets up the account and its contract; a colleague gives the final approval (four-eyes rule); the applicant
     * reads the approval mail in their language, signs in and finds organization, account and contract in My
     * Account; a CSR acts on behalf of them and creates a buyer, who activates the account through the mailed link;
     * the buyer administrator reads what customer service did in the history. In German every storefront page says
     * its texts in German, has no text its English rendering has, and passes axe-core; Tasklist's own words are
     * German, the Camunda Forms labels stay English (docs/adr/0030). Screenshots: target/screenshots/journey-*.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "de"})
    void theWholeJourney(String code) throws Exception {
        WalkLanguage language = WalkLanguage.of(code);
        String key = TestRegistrations.unique("walk" + code);
        Walk walk = new Walk(
                language,
                key,
                key + (language.german() ? " GmbH" : " Ltd"),
                key + "@walk.example.com",
                new ArrayList<>(List.of(key, "Köln", "Lise Meitner", "Lise", "Meitner", CONTRACT, ACCOUNT, REASON)));
        walk.data().addAll(List.of(walk.organization(), walk.email(), "Casey Service"));
        tasklistLanguage = language;
        context.close();
        context = newContext(language);
        page = context.newPage();
        BrowserContext applicantContext = newContext(language);
        Page applicant = applicantContext.newPage();

        String id = registers(walk, applicant);
        staffReviewSetUpAndApprove(walk, id);
        signsInWithTheApprovalMail(walk, applicant);
        String buyer = customerServiceActsOnBehalf(walk);
        readsWhatCustomerServiceDid(walk, applicant);
        applicantContext.close();
        activatesTheAccountThroughTheMailedLink(walk, buyer);
    }

    /** One walk: its language, the applicant's logon ID, organization and email, and the test data on its pages. */
    record Walk(WalkLanguage language, String key, String organization, String email, List<String> data) {}

    /** A visitor chooses the registration and registers, with the browser's checks before the server's. */
    private String registers(Walk walk, Page visitor) throws Exception {
        WalkLanguage language = walk.language();
        visitor.navigate("/store/login");
        visitor.locator("#register-choose").click();
        language.assertSpeaks(visitor, "registerChoice.intro", "registerChoice.newCompany");
        journeyShot(visitor, language, "register-choose");
        check(visitor, walk, "choose a registration");
        visitor.locator("#register-organization").click();
        Locator form = visitor.locator("#main form");
        assertThat((Boolean) form.evaluate("f => f.checkValidity()"))
                .as("the browser refuses the empty form")
                .isFalse();
        visitor.locator("[id='organization.name']").fill(walk.organization());
        visitor.locator("[id='user.logonId']").fill("with space");
        assertThat((Boolean) visitor.locator("[id='user.logonId']").evaluate("e => e.validity.patternMismatch"))
                .isTrue();
        visitor.locator("[id='user.logonId']").fill(walk.key());
        visitor.locator("[id='address.city']").fill("Köln");
        visitor.locator("[id='address.country']").selectOption("DE");
        visitor.locator("[id='user.firstName']").fill("Lise");
        visitor.locator("[id='user.lastName']").fill("Meitner");
        visitor.locator("[id='user.email']").fill(walk.email());
        visitor.locator("[id='user.password']").fill(TestRegistrations.PASSWORD);
        visitor.locator("[id='user.passwordVerify']").fill(TestRegistrations.PASSWORD);
        assertThat(visitor.locator("[id='user.preferredLanguage']")).hasValue(language.code());
        assertThat((Boolean) form.evaluate("f => f.checkValidity()"))
                .as("only the consent is missing")
                .isFalse();
        visitor.locator("#consentVersion").check();
        language.assertSpeaks(visitor, "register.submit", "form.user.passwordVerify", "form.user.firstName");
        journeyShot(visitor, language, "registration-form");
        check(visitor, walk, "registration form");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language.text("register.submit")))
                .click();
        visitor.waitForURL("**/store/registration/**");
        assertThat(visitor.locator("#registration-state")).hasText(language.text("status.state.PENDING"));
        assertThat(visitor.locator("#next-steps")).containsText(language.text("status.next.mail"));
        language.assertSpeaks(visitor, "status.title", "status.next.title", "status.keepId");
        journeyShot(visitor, language, "registration-next-steps");
        String id = visitor.locator("#registration-id").innerText().strip();
        walk.data().add(id);
        check(visitor, walk, "registration status");
        return id;
    }

    /**
     * One sign-in: the task link of the group's mail leads through the storefront's sign-in to the review; signing
     * out in Tasklist signs out of everything. The account rep sets up the account and contract; a colleague of the
     * reviewer gives the final approval (four-eyes rule) and, with the same sign-in, sees the process in Cockpit.
     */
    private void staffReviewSetUpAndApprove(Walk walk, String id) throws Exception {
        WalkLanguage language = walk.language();
        awaitStep(id, "Task_ReviewRegistration");
        page.navigate(taskLinkMailedFor(walk.organization()));
        page.waitForURL("**/store/login**");
        signInOnTheStorefront("seller-admin");
        page.waitForURL(Pattern.compile(".*/camunda/app/tasklist/default/#/\\?task=.*"));
        assertThat(page.locator("button.claim")).hasText(language.tasklist("Claim", "Diese Aufgabe übernehmen"));
        claimTheOpenTask();
        assertThat(page.getByLabel("Organization name", new Page.GetByLabelOptions().setExact(false))
                        .first())
                .hasValue(walk.organization());
        journeyShot(page, language, "tasklist-review");
        page.getByLabel("Approve this registration").check();
        completeTask();
        page.locator("li.account .dropdown-toggle").click();
        page.locator("li.logout a").click();
        page.waitForURL("**/store/login?logout");
        page.navigate("/store/staff");
        page.waitForURL("**/store/login");

        signInToTasklist("account-rep");
        openTask("Set up account and contract");
        page.getByLabel("Account name", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill(ACCOUNT);
        page.getByLabel("Contract name", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill(CONTRACT);
        page.getByLabel("Valid from", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill(language.typedDate(CONTRACT_START));
        page.keyboard().press("Escape");
        journeyShot(page, language, "tasklist-set-up");
        completeTask();
        signOutOfTasklist();

        signInToTasklist("seller-approver");
        openTask("Approve registration");
        page.getByLabel("Approve this registration").check();
        journeyShot(page, language, "tasklist-approve");
        completeTask();
        awaitState(id, "APPROVED");
        if (!language.german()) {
            page.navigate("/camunda/app/cockpit/default/#/processes");
            assertThat(page.locator("li.account")).containsText("Pia Approver");
            assertThat(page.getByText("orgSelfRegistration")
                            .or(page.getByText("Organization self-registration"))
                            .first())
                    .isVisible();
            journeyShot(page, language, "cockpit-processes");
        }
    }

    /** The approval mail is in the applicant's language; its link leads to the sign-in and on to My Account. */
    private void signsInWithTheApprovalMail(Walk walk, Page applicant) throws Exception {
        WalkLanguage language = walk.language();
        MimeMessage approved =
                awaitMail(walk.email(), language.text("mail.registration-approved.subject", walk.organization()));
        assertThat(TestSmtp.text(approved))
                .contains(language.text("mail.registration-approved.approved", walk.organization(), walk.key()));
        applicant.navigate(link(approved, "/store/login"));
        Browsers.signIn(applicant, walk.key(), TestRegistrations.PASSWORD);
        applicant.waitForURL("**/store/account");
        assertThat(applicant.locator("#organization-name")).hasText(walk.organization());
        assertThat(applicant.locator("#organization-state")).hasText(language.text("status.state.APPROVED"));
        assertThat(applicant.locator("#may-order")).hasText(language.text("account.yes"));
        Locator contracts = applicant.locator("#contracts");
        assertThat(contracts).containsText(CONTRACT);
        assertThat(contracts).containsText(ACCOUNT);
        assertThat(contracts).containsText(language.date(CONTRACT_START));
        assertThat(contracts.locator(".contract-status")).hasText(language.text("account.contractInForce"));
        language.assertSpeaks(applicant, "account.title", "account.contracts", "account.customerServiceHistory");
        journeyShot(applicant, language, "my-account");
        check(applicant, walk, "My Account");
    }

    /**
     * A CSR finds the new buyer administrator, acts on behalf of them with a reason and creates a buyer in the
     * walk's language; the administrator is mailed about the access. Returns the new buyer's logon ID.
     */
    private String customerServiceActsOnBehalf(Walk walk) throws Exception {
        WalkLanguage language = walk.language();
        context.clearCookies();
        Browsers.signIn(page, "csr", "demo");
        page.waitForURL("**/store/customer-service");
        language.assertSpeaks(page, "csr.title", "csr.find", "csr.findLabel");
        page.locator("#q").fill(walk.key());
        page.locator("#q").press("Enter");
        Locator row = page.locator("tr[data-logon-id='" + walk.key() + "']");
        row.locator("summary").click();
        row.getByLabel(language.text("csr.accessReason")).fill(REASON);
        journeyShot(page, language, "customer-service");
        check(page, walk, "customer service");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(language.text("csr.access")))
                .click();
        page.waitForURL("**/store/account");
        assertThat(page.locator("#on-behalf-banner")).containsText(language.text("onBehalf.reason", REASON));
        page.locator("#organizations-link").click();
        page.locator("#organization-tree a", new Page.LocatorOptions().setHasText(walk.organization()))
                .first()
                .click();
        page.locator("#create-buyer").click();
        String buyer = TestRegistrations.unique("otto" + language.code());
        walk.data().addAll(List.of(buyer, buyer + "@walk.example.com", "Otto Hahn", "Otto", "Hahn"));
        page.locator("[id='logonId']").fill(buyer);
        page.locator("[id='firstName']").fill("Otto");
        page.locator("[id='lastName']").fill("Hahn");
        page.locator("[id='email']").fill(buyer + "@walk.example.com");
        page.locator("[id='preferredLanguage']").selectOption(language.code());
        language.assertSpeaks(page, "buyers.field.preferredLanguage", "onBehalf.stop");
        check(page, walk, "new buyer");
        page.locator("#save-buyer").click();
        assertThat(page.locator("#buyer-logon-id")).hasText(buyer);
        page.locator("#stop-on-behalf").click();
        page.waitForURL("**/store/customer-service");
        awaitMail(walk.email(), language.text("mail.customer-account-accessed.subject", walk.key()));
        return buyer;
    }

    /** The buyer administrator reads what customer service did, in their language. */
    private void readsWhatCustomerServiceDid(Walk walk, Page administrator) {
        WalkLanguage language = walk.language();
        administrator.navigate("/store/account");
        administrator.getByText(language.text("account.customerServiceHistory")).click();
        Locator history = administrator.locator("#history-table");
        assertThat(history).containsText(REASON);
        assertThat(history).containsText(language.text("history.action.ON_BEHALF_STARTED"));
        assertThat(history).containsText(language.text("history.action.BUYER_CREATED"));
        language.assertSpeaks(administrator, "history.title", "history.reason", "history.action.BUYER_CREATED");
        journeyShot(administrator, language, "customer-service-history");
        check(administrator, walk, "customer service history");
    }

    /** The buyer the CSR created gets the activation mail in their language, chooses a password and signs in. */
    private void activatesTheAccountThroughTheMailedLink(Walk walk, String buyer) throws Exception {
        WalkLanguage language = walk.language();
        MimeMessage activation =
                awaitMail(buyer + "@walk.example.com", language.text("mail.account-activation.subject", buyer));
        BrowserContext buyerContext = newContext(language);
        Page activating = buyerContext.newPage();
        activating.navigate(link(activation, "/store/activate"));
        language.assertSpeaks(activating, "activate.choose", "activate.submit");
        check(activating, walk, "activation");
        activating.locator("[id='password']").fill("violet tangerine harbour");
        activating.locator("[id='passwordVerify']").fill("violet tangerine harbour");
        activating
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language.text("activate.submit")))
                .click();
        assertThat(activating.locator("#activation-done")).hasText(language.text("activate.done", buyer));
        journeyShot(activating, language, "activation-done");
        Browsers.signIn(activating, buyer, "violet tangerine harbour");
        activating.waitForURL("**/store/account");
        language.assertSpeaks(activating, "account.title");
        buyerContext.close();
    }

    private BrowserContext newContext(WalkLanguage language) {
        BrowserContext created = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(node.url(""))
                .setLocale(language.browserLocale())
                .setViewportSize(1280, 800));
        created.setDefaultTimeout(60_000);
        return created;
    }

    /** What every storefront page of a German walk passes: no English text beside the German, axe-core's rules. */
    private static void check(Page page, Walk walk, String what) {
        walk.language().assertNoEnglish(page, what, walk.data());
        if (walk.language().german()) {
            Accessibility.check(page);
        }
    }

    /** The mail to this address with this subject, once it has arrived. */
    private MimeMessage awaitMail(String address, String subject) throws Exception {
        return awaitMail(
                "mail to " + address + " with the subject " + subject,
                message -> TestSmtp.recipients(message).contains(address) && subject.equals(TestSmtp.subject(message)));
    }

    /** The path and query of the mail's link to this page of the application, whatever host the mail names. */
    private static String link(MimeMessage message, String path) {
        java.util.regex.Matcher found = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[^\\s\"<>]*)")
                .matcher(TestSmtp.text(message));
        assertThat(found.find()).as("a link to " + path + " in the mail").isTrue();
        return found.group(1);
    }

    /** The whole page in a 1280x800 viewport, as the docs show pages: target/screenshots/journey-LANG-NN-name.png. */
    private void journeyShot(Page target, WalkLanguage language, String name) {
        target.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(Browsers.SCREENSHOTS.resolve(
                        String.format("journey-%s-%02d-%s.png", language.code(), ++shot, name))));
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
        Locator duplicate = page.getByRole(
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
        java.util.regex.Matcher found = link.matcher(TestSmtp.text(awaitMail(
                "mail with a task link about " + organization,
                message -> TestSmtp.text(message).contains(organization)
                        && link.matcher(TestSmtp.text(message)).find())));
        assertThat(found.find()).isTrue();
        return found.group();
    }

    /** The first mail received that is the one wanted, waiting for it as long as a busy machine may need. */
    private MimeMessage awaitMail(String what, Predicate<MimeMessage> wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no " + what);
    }

    /** Staff sign in on the storefront's sign-in page: one sign-in for the staff pages, Tasklist and Cockpit. */
    private void signInOnTheStorefront(String user) {
        field("logonId").fill(user);
        field("logonPassword").fill("demo");
        page.locator("form[action$='/store/login'] button[type=submit]").click();
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
        page.locator("button.claim").click();
        assertThat(completeButton()).isEnabled();
    }

    /** Tasklist's Complete button, in the language of the walk (Tasklist speaks the browser's language). */
    private Locator completeButton() {
        return page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(tasklistLanguage.tasklist("Complete", "Abschließen")));
    }

    /** Completes the open task; Tasklist closes its form once the engine has taken the completion. */
    private void completeTask() {
        var complete = completeButton();
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

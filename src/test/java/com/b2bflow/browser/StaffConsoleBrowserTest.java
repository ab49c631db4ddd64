package com.b2bflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.b2bflow.support.Accessibility;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;

    @BeforeAll
    static void launch() {
        Browsers.assumeChromium();
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theStaffHomeOffersEachRoleTheConsolePagesItMayOpen() {
        Page seller = signedIn("seller-admin", "en-US");
        assertThat(seller).hasURL(Pattern.compile("/store/staff$"));
        assertThat(seller.locator("#console-nav #console-find")).isVisible();
        assertThat(seller.locator("#console-nav #console-audit")).isVisible();
        check(seller, "seller-admin-home");
        context.close();

        Page csr = signedIn("csr", "de-DE");
        csr.navigate("/store/staff");
        assertThat(csr.locator("h1")).hasText("Mitarbeiter-Startseite");
        assertThat(csr.locator("#console-nav #console-find")).isVisible();
        assertThat(csr.locator("#console-nav #console-audit")).hasCount(0);
        assertThat(csr.locator("#console-nav #console-registrations")).hasCount(0);
        check(csr, "csr-home-de");
    }

    /** A new browser context signed in as the given staff member, at 1280×800 in the given locale. */
    private Page signedIn(String staff, String locale) {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale(locale)
                .setViewportSize(1280, 800));
        Page page = context.newPage();
        Browsers.signIn(page, staff, "demo");
        page.waitForURL(url -> !url.contains("/store/login"));
        return page;
    }

    /** axe-core finds nothing serious on the page; then its screenshot. */
    private static void check(Page page, String name) {
        Accessibility.check(page);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}

package com.b2bflow.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java. Playwright never downloads a browser here
 * ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}). Without {@code /usr/bin/chromium} the browser tests fail and say how
 * to install it: a green build means they ran. Only {@code -Dbrowser.tests=skip}, asked for on purpose, skips them.
 */
final class Browsers {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Browsers() {}

    static void assumeChromium() {
        boolean skipAskedFor = "skip".equals(System.getProperty("browser.tests"));
        Assumptions.assumeFalse(skipAskedFor, "Browser tests skipped as asked (-Dbrowser.tests=skip)");
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Browser tests need Chromium at " + CHROMIUM + ": install Debian's (`apt-get "
                    + "install -y --no-install-recommends chromium`, as .ci/run does) or set CHROMIUM_PATH; "
                    + "-Dbrowser.tests=skip skips them on purpose.");
        }
    }

    static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /**
     * Signs in through the storefront's sign-in form, as a buyer or as staff (demo staff: {@code seller-admin},
     * {@code account-rep}, {@code site-admin}, {@code csr}, password {@code demo}); staff land on {@code /store/staff},
     * CSRs on the Customer Service page. Finds the fields by name, so it signs in whatever the page's language.
     */
    static void signIn(Page page, String logonId, String password) {
        page.navigate("/store/login");
        page.locator("form[action$='/store/login'] input[name=logonId]").fill(logonId);
        page.locator("form[action$='/store/login'] input[name=logonPassword]").fill(password);
        page.locator("form[action$='/store/login'] button[type=submit]").click();
    }
}

package com.b2bflow.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Debian Chromium for a test class ({@code @RegisterExtension static final Chromium chromium}): launched
 * before the class's first test, closed after its last; the class is skipped only when asked
 * ({@link Browsers#assumeChromium()}).
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        Browsers.assumeChromium();
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
        }
    }

    Browser browser() {
        return browser;
    }
}

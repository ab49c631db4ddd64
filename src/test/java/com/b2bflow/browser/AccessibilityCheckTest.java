package com.b2bflow.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.support.Accessibility;
import com.b2bflow.support.TestTiers;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The check the browser tests rely on finds what it should: a page with an unlabelled field and an unnamed button
 * fails it, naming the rules; the same page made right passes. No application: the pages are set in the browser.
 */
@Tag(TestTiers.BROWSER)
class AccessibilityCheckTest {

    @Test
    void aSeriousViolationFailsTheCheckAndAFixedPagePasses() {
        Browsers.assumeChromium();
        try (Playwright playwright = Browsers.playwright()) {
            Page page = Browsers.launch(playwright).newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Form</title></head><body><main>"
                    + "<h1>Form</h1><form><input id=\"name\"><button></button></form></main></body></html>");
            assertThatThrownBy(() -> Accessibility.check(page))
                    .hasMessageContaining("label")
                    .hasMessageContaining("button-name");

            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Form</title></head><body><main>"
                    + "<h1>Form</h1><form><label for=\"name\">Name</label><input id=\"name\">"
                    + "<button>Send</button></form></main></body></html>");
            assertThatCode(() -> Accessibility.check(page)).doesNotThrowAnyException();
        }
    }
}

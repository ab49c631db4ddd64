package com.b2bflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.shared.HumanFormat;
import com.b2bflow.support.BothLanguages;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;

/**
 * The language a browser walk is in: the browser's locale (and so its {@code Accept-Language}), the texts the message
 * files give pages and mails in it, and the same texts in the other language, which must not appear. Tasklist's own
 * words come from the webapps' translation; the labels of the Camunda Forms stay English (docs/adr/0030).
 */
record WalkLanguage(Locale locale) {

    private static final MessageSource MESSAGES = BothLanguages.messages();

    static WalkLanguage of(String code) {
        return new WalkLanguage(Locale.forLanguageTag(code));
    }

    String code() {
        return locale.getLanguage();
    }

    boolean german() {
        return "de".equals(code());
    }

    /** The browser's locale: Chromium asks for this language in every request's {@code Accept-Language}. */
    String browserLocale() {
        return german() ? "de-DE" : "en-US";
    }

    String text(String key, Object... arguments) {
        return MESSAGES.getMessage(key, arguments, locale);
    }

    private String otherText(String key) {
        return MESSAGES.getMessage(key, null, german() ? Locale.ENGLISH : Locale.GERMAN);
    }

    /** A day as the pages and mails write it in this language ("Jan 1, 2026", "01.01.2026"). */
    String date(LocalDate day) {
        return new HumanFormat(locale, HumanFormat.DEFAULT_ZONE).date(day);
    }

    /** A day as a Camunda Forms date field takes it typed: the browser locale's short date. */
    String typedDate(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(german() ? "dd.MM.yyyy" : "MM/dd/yyyy"));
    }

    /** A word of Tasklist's own interface in this language (its translation, locales/de.json). */
    String tasklist(String english, String german) {
        return german() ? german : english;
    }

    /** The page shows each message in this language, and none of them in the other one. */
    void assertSpeaks(Page page, String... keys) {
        String shown = page.locator("body").innerText().replaceAll("\\s+", " ");
        for (String key : keys) {
            assertThat(shown).as(page.url() + ": " + key).contains(text(key));
            assertThat(shown)
                    .as(page.url() + ": " + key + " in the other language")
                    .doesNotContain(otherText(key));
        }
    }

    /**
     * On a German walk, the page as the server renders it for this session in German has no text that its English
     * rendering has word for word, test data and what is the same in both languages aside ({@link BothLanguages}).
     */
    void assertNoEnglish(Page page, String what, Collection<String> testData) {
        if (!german()) {
            return;
        }
        APIRequestContext http = page.context().request();
        String german = http.get(page.url(), RequestOptions.create().setHeader("Accept-Language", "de-DE,de"))
                .text();
        String english = http.get(page.url(), RequestOptions.create().setHeader("Accept-Language", "en-US,en"))
                .text();
        List<String> known = Stream.concat(testData.stream(), BothLanguages.countriesNamedAlike().stream())
                .toList();
        BothLanguages.assertGerman(what, english, german, known);
    }
}

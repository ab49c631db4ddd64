package com.b2bflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.shared.IsoCodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Compares the English and the German rendering of one page or mail: the German one may have no missing message
 * ({@code ??key_de??}) and no text that the English one has word for word, unless the text is test data (names,
 * ids) or a name that is the same in both languages (Tasklist, Cockpit, ERP).
 */
public final class BothLanguages {

    /** Words and names that are the same in English and German. */
    public static final Set<String> SAME_IN_BOTH = Set.of(
            "Tasklist",
            "Cockpit",
            "Camunda",
            "ERP",
            "ERP_REJECTED",
            "erp-registration",
            "BPMN",
            "B2B",
            "Registration",
            "Deutsch",
            "English",
            "Demo",
            "Logon",
            "Status",
            "Name",
            "E-Mail",
            "Details",
            "Administrator");

    private static final Pattern TEXT = Pattern.compile(">([^<]+)<");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?:aria-label|title|placeholder|alt)=\"([^\"]+)\"");

    private BothLanguages() {}

    /** The application's message files, as Spring Boot configures them (UTF-8, no fallback to the system locale). */
    public static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "console");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * A validator that resolves constraint messages as the application's does (Spring Boot's message interpolation
     * from the message files, in {@link org.springframework.context.i18n.LocaleContextHolder}'s language).
     */
    public static jakarta.validation.Validator validator() {
        org.springframework.validation.beanvalidation.LocalValidatorFactoryBean validator =
                new org.springframework.validation.beanvalidation.LocalValidatorFactoryBean();
        validator.setMessageInterpolator(
                new org.springframework.boot.validation.MessageInterpolatorFactory(messages()).getObject());
        validator.afterPropertiesSet();
        return validator;
    }

    /**
     * The countries whose names are the same in English and German ("Andorra"; not "Kanada"): a page that lists
     * countries shows them in both languages.
     */
    public static List<String> countriesNamedAlike() {
        List<String> german = IsoCodes.countries(Locale.GERMAN).stream()
                .map(IsoCodes.Choice::label)
                .toList();
        return IsoCodes.countries(Locale.ENGLISH).stream()
                .map(IsoCodes.Choice::label)
                .filter(german::contains)
                .toList();
    }

    /** Fails on a missing message in either rendering and on an English text in the German one. */
    public static void assertGerman(String what, String english, String german, Collection<String> testData) {
        assertThat(english).as(what + " (English): a missing message").doesNotContain("??");
        assertThat(german).as(what + " (German): a missing message").doesNotContain("??");
        Set<String> englishTexts = texts(english);
        List<String> leftovers = new ArrayList<>();
        for (String text : texts(german)) {
            if (englishTexts.contains(text) && hasWords(withoutKnown(text, testData))) {
                leftovers.add(text);
            }
        }
        assertThat(leftovers).as(what + ": English text on the German page").isEmpty();
    }

    /** The visible texts of an HTML page or a plain-text mail (one per text node or line), whitespace collapsed. */
    static Set<String> texts(String rendered) {
        String body = rendered.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>", "");
        Set<String> texts = new LinkedHashSet<>();
        if (!body.contains("<")) {
            body.lines()
                    .map(BothLanguages::collapse)
                    .filter(line -> !line.isEmpty())
                    .forEach(texts::add);
            return texts;
        }
        for (Pattern pattern : List.of(TEXT, ATTRIBUTE)) {
            Matcher matcher = pattern.matcher(body);
            while (matcher.find()) {
                String text = collapse(matcher.group(1));
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    private static String withoutKnown(String text, Collection<String> testData) {
        String rest = text;
        for (String value : testData.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList()) {
            if (value != null && !value.isBlank()) {
                rest = rest.replace(value, " ");
            }
        }
        for (String word : SAME_IN_BOTH) {
            rest = rest.replaceAll("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", " ");
        }
        return rest;
    }

    /** A word of three letters or more is language; digits, punctuation and short marks are not. */
    private static boolean hasWords(String text) {
        return Pattern.compile("\\p{L}{3,}").matcher(text).find();
    }

    private static String collapse(String text) {
        return text.replace("&nbsp;", " ").replaceAll("\\s+", " ").strip();
    }
}

package com.b2bflow.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Countries and languages as stored: ISO 3166-1 alpha-2 country codes ({@code DE}) and BCP 47 language tags whose
 * language is an ISO 639 code ({@code de}, {@code en-GB}). People see them named in the page's language, as
 * {@link Locale} names them.
 */
public final class IsoCodes {

    /** The languages the product speaks, offered as a person's preferred language. */
    public static final List<String> SUPPORTED_LANGUAGES = List.of("en", "de");

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private IsoCodes() {}

    /** One entry of a list: the stored code and its name in the page's language. */
    public record Choice(String code, String label) {}

    /** Every country, sorted by its name in this language. */
    public static List<Choice> countries(Locale language) {
        Collator collator = Collator.getInstance(language);
        return COUNTRIES.stream()
                .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(language)))
                .sorted(Comparator.comparing(Choice::label, collator))
                .toList();
    }

    /** The product's languages, each named in its own language ("Deutsch") as language switches do. */
    public static List<Choice> languages() {
        return SUPPORTED_LANGUAGES.stream()
                .map(Locale::forLanguageTag)
                .map(locale -> new Choice(locale.toLanguageTag(), locale.getDisplayLanguage(locale)))
                .toList();
    }

    /** A country code in its stored form ({@code de} becomes {@code DE}); other text unchanged. */
    public static String normalCountry(String value) {
        return value != null && value.strip().length() == 2 ? value.strip().toUpperCase(Locale.ROOT) : value;
    }

    /**
     * The code of a country written as text people use: its alpha-2 or alpha-3 code, or its English or German name
     * ("Germany", "Deutschland", "DEU"), in any case and spacing; empty when the text names no country or more than
     * one. Maps what was stored before countries were lists, and what HCL's URLs send.
     */
    public static Optional<String> countryOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = comparable(text);
        List<String> named = COUNTRIES.stream()
                .filter(code -> {
                    Locale country = new Locale("", code);
                    return code.equalsIgnoreCase(key)
                            || country.getISO3Country().equalsIgnoreCase(key)
                            || comparable(country.getDisplayCountry(Locale.ENGLISH))
                                    .equals(key)
                            || comparable(country.getDisplayCountry(Locale.GERMAN))
                                    .equals(key);
                })
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** Lower case with single spaces: "United  States" and "united states" name the same country. */
    private static String comparable(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Blank, or an ISO 3166-1 alpha-2 code (either case). */
    public static boolean isCountry(String value) {
        return value == null || value.isBlank() || COUNTRIES.contains(normalCountry(value));
    }

    /** A language tag in its stored form ({@code EN-gb} becomes {@code en-GB}); other text unchanged. */
    public static String normalLanguage(String value) {
        return isLanguage(value) && value != null && !value.isBlank()
                ? new Locale.Builder().setLanguageTag(value.strip()).build().toLanguageTag()
                : value;
    }

    /** Blank, or a well-formed BCP 47 tag whose language is an ISO 639 code. */
    public static boolean isLanguage(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            return LANGUAGES.contains(locale.getLanguage());
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}

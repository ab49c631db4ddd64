package com.b2bflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Countries and languages as ISO codes: what is accepted, how it is stored, how people see it. */
class IsoCodesTest {

    @Test
    void aCountryIsAnAlpha2CodeInEitherCaseAndStoredInUpperCase() {
        assertThat(IsoCodes.isCountry("DE")).isTrue();
        assertThat(IsoCodes.isCountry("de")).isTrue();
        assertThat(IsoCodes.isCountry("")).isTrue();
        assertThat(IsoCodes.isCountry(null)).isTrue();
        assertThat(IsoCodes.normalCountry(" at ")).isEqualTo("AT");
        assertThat(IsoCodes.isCountry("Germany")).isFalse();
        assertThat(IsoCodes.isCountry("Deutschland")).isFalse();
        assertThat(IsoCodes.isCountry("XX")).isFalse();
        assertThat(IsoCodes.isCountry("DEU")).isFalse();
    }

    @Test
    void textPeopleWroteMapsToTheCodeWhenItNamesOneCountry() {
        assertThat(IsoCodes.countryOf("Germany")).contains("DE");
        assertThat(IsoCodes.countryOf("deutschland")).contains("DE");
        assertThat(IsoCodes.countryOf("DEU")).contains("DE");
        assertThat(IsoCodes.countryOf("nl")).contains("NL");
        assertThat(IsoCodes.countryOf("Niederlande")).contains("NL");
        assertThat(IsoCodes.countryOf("Österreich")).contains("AT");
        assertThat(IsoCodes.countryOf(" united  STATES ")).contains("US");
        assertThat(IsoCodes.countryOf("Vereinigte Staaten")).contains("US");
        assertThat(IsoCodes.countryOf("Bavaria")).isEmpty();
        assertThat(IsoCodes.countryOf(" ")).isEmpty();
    }

    @Test
    void aLanguageIsABcp47TagWithAnIso639Language() {
        assertThat(IsoCodes.isLanguage("de")).isTrue();
        assertThat(IsoCodes.isLanguage("en-GB")).isTrue();
        assertThat(IsoCodes.isLanguage("fr")).isTrue();
        assertThat(IsoCodes.normalLanguage("EN-gb")).isEqualTo("en-GB");
        assertThat(IsoCodes.isLanguage("german")).isFalse();
        assertThat(IsoCodes.isLanguage("xx")).isFalse();
        assertThat(IsoCodes.isLanguage("de_DE")).isFalse();
    }

    @Test
    void countriesAreNamedAndSortedInThePageLanguage() {
        assertThat(IsoCodes.countries(Locale.GERMAN))
                .contains(new IsoCodes.Choice("DE", "Deutschland"))
                .hasSizeGreaterThan(240);
        assertThat(IsoCodes.countries(Locale.ENGLISH)).contains(new IsoCodes.Choice("DE", "Germany"));
        assertThat(IsoCodes.countries(Locale.GERMAN).get(0).label()).isEqualTo("Afghanistan");
        assertThat(IsoCodes.languages())
                .containsExactly(new IsoCodes.Choice("en", "English"), new IsoCodes.Choice("de", "Deutsch"));
    }
}

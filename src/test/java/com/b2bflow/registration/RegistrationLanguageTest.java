package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A registration whose user names no language takes the language it was made in, so that the mails to that user
 * speak it; a language the user chose is kept; outside a request it is English, never the server's locale.
 */
class RegistrationLanguageTest {

    private final List<RegistrationRequest> submitted = new ArrayList<>();
    private final RegistrationSubmitters submitters = new RegistrationSubmitters(List.of(new RegistrationSubmitter() {
        @Override
        public boolean supports(RegistrationFlow flow) {
            return true;
        }

        @Override
        public SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
            submitted.add(request);
            return null;
        }
    }));

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aUserWithoutALanguageGetsTheRegistrationsLanguage() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        submitters.submit(RegistrationFlow.ORGANIZATION, request(null));
        submitters.submit(RegistrationFlow.ORGANIZATION, request("en"));
        assertThat(submitted).extracting(r -> r.user().preferredLanguage()).containsExactly("de", "en");
    }

    @Test
    void outsideARequestItIsEnglish() {
        submitters.submit(RegistrationFlow.ORGANIZATION, request(" "));
        assertThat(submitted).extracting(r -> r.user().preferredLanguage()).containsExactly("en");
    }

    private static RegistrationRequest request(String language) {
        return new RegistrationRequest(
                new OrganizationData("ACME", null, null, null, null),
                new UserData("jdoe", null, null, null, null, "Doe", "jane@example.com", null, language),
                null,
                null);
    }
}

package com.b2bflow.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import com.b2bflow.support.TestRegistrations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registration forms and pages that help (ADR 0033): countries as ISO codes (the API refuses free text), the
 * consent with its version and time, the status page's next steps, the rejection reason on the correction form, and
 * the one Register entry under the sign-in form.
 */
@IntegrationTest
class RegistrationFormsHttpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RegistrationRepository registrations;

    @Test
    void theApiRefusesAFreeTextCountryNamingTheFieldAndStoresACodeInUpperCase() throws Exception {
        RegistrationRequest request = TestRegistrations.organization();
        Map<String, Object> body = TestRegistrations.body(request);
        body.put("address", Map.of("city", "Berlin", "country", "Germany"));
        long before = registrations.count();
        mvc.perform(api(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("address.country")));
        assertThat(registrations.count()).isEqualTo(before);

        body.put("address", Map.of("city", "Berlin", "country", "at"));
        body.put("consentVersion", "1999-01");
        mvc.perform(api(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("consentVersion")));

        body.put("consentVersion", ConsentTerms.CURRENT);
        String id = json.readTree(mvc.perform(api(body))
                        .andExpect(status().is2xxSuccessful())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asText();
        Registration stored = registrations.findById(id).orElseThrow();
        assertThat(stored.getSubmittedData()).contains("\"country\":\"AT\"");
        assertThat(stored.getConsentVersion()).isEqualTo(ConsentTerms.CURRENT);
    }

    @Test
    void theFormRequiresTheConsentAndKeepsItsVersionAndTime() throws Exception {
        String key = TestRegistrations.unique("consent");
        mvc.perform(form(key).param("address.country", "Deutschland"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"consentVersion-error\"")))
                .andExpect(content().string(containsString("Tick the box to agree")))
                .andExpect(content().string(containsString("id=\"address.country-error\"")));

        Instant before = Instant.now();
        String location = mvc.perform(form(key).param("address.country", "DE").param("consentVersion", "2026-12"))
                .andExpect(redirectedUrlPattern("/store/registration/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Registration stored = registrations
                .findById(location.substring(location.lastIndexOf('/') + 1))
                .orElseThrow();
        assertThat(stored.getConsentVersion()).isEqualTo(ConsentTerms.CURRENT);
        assertThat(stored.getConsentAt()).isBetween(before.minus(Duration.ofSeconds(1)), Instant.now());
    }

    @Test
    void theFormOffersCountriesAndLanguagesAsListsWithTheBrowsersChecks() throws Exception {
        String german = page("/store/register/organization", Locale.GERMAN);
        assertThat(german)
                .contains("<option value=\"DE\">Deutschland</option>")
                .contains("<option value=\"de\" selected=\"selected\">Deutsch</option>")
                .contains("name=\"consentVersion\" value=\"2026-12\" required")
                .doesNotContain("novalidate");
        String logonId = german.substring(german.indexOf("<input id=\"user.logonId\""));
        assertThat(logonId.substring(0, logonId.indexOf('>')))
                .contains("maxlength=\"64\"", "minlength=\"3\"", "pattern=\"[a-zA-Z0-9._@+\\-]*\"", "required");
    }

    @Test
    void thePendingPageSaysWhatHappensNextAndByWhenWithTheWithdrawFormLast() throws Exception {
        Registration pending =
                registrations.save(new Registration(RegistrationFlow.ORGANIZATION, "{}", "a@example.com"));
        String english = page("/store/registration/" + pending.getId(), Locale.ENGLISH);
        assertThat(english)
                .contains("What happens next", "usually within 2 days", "after 5 days")
                .doesNotContain(">PENDING<");
        assertThat(english.indexOf("id=\"next-steps\"")).isLessThan(english.indexOf("id=\"withdraw\""));
        assertThat(english.indexOf("id=\"registration-id\"")).isLessThan(english.indexOf("id=\"withdraw\""));
        assertThat(page("/store/registration/" + pending.getId(), Locale.GERMAN))
                .contains("Wie es weitergeht", "innerhalb von 2 Tagen", "nach 5 Tagen");
    }

    @Test
    void theCorrectionFormSaysWhyAndACorrectedRegistrationOffersNoSecondCorrection() throws Exception {
        String submitted = json.writeValueAsString(TestRegistrations.organization());
        Registration rejected = new Registration(RegistrationFlow.ORGANIZATION, submitted, "a@example.com");
        rejected.reject("reviewer", "The tax id is missing");
        registrations.save(rejected);
        assertThat(page("/store/registration/" + rejected.getId(), Locale.ENGLISH))
                .contains("id=\"correct-it\"");
        assertThat(page("/store/register/organization?correct=" + rejected.getId(), Locale.ENGLISH))
                .contains("id=\"rejection-reason\"", "The tax id is missing");

        Registration correction = new Registration(RegistrationFlow.ORGANIZATION, submitted, "a@example.com");
        correction.setPreviousRegistration(rejected);
        registrations.save(correction);
        assertThat(page("/store/registration/" + rejected.getId(), Locale.ENGLISH))
                .doesNotContain("id=\"correct-it\"")
                .contains("id=\"corrected\"", "/store/registration/" + correction.getId());
    }

    @Test
    void signInOffersOneRegisterEntryThatHelpsChoose() throws Exception {
        assertThat(page("/store/login", Locale.ENGLISH))
                .contains("id=\"register-choose\"")
                .doesNotContain("href=\"/store/register/reseller");
        String choose = page("/store/register/choose", Locale.GERMAN);
        for (String flow : new String[] {"shop", "business", "organization", "reseller", "buyer", "shop-approval"}) {
            assertThat(choose).contains("href=\"/store/register/" + flow);
        }
        assertThat(choose).contains("Ihr Unternehmen kauft bereits bei uns");
    }

    @Test
    void waitingForApprovalIsInformationNotAnError() throws Exception {
        assertThat(mvc.perform(get("/store/login").param("error", "pending"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("class=\"alert info\" role=\"status\" id=\"login-pending\"");
    }

    private String page(String path, Locale language) throws Exception {
        return mvc.perform(get(path).locale(language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder api(Map<String, Object> body) throws Exception {
        return post("/api/registrations/organization")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    private MockHttpServletRequestBuilder form(String key) {
        return post("/store/register/organization")
                .with(StorefrontCsrf.token(mvc))
                .param("organization.name", key + " AG")
                .param("user.lastName", "Hopper")
                .param("user.email", key + "@forms.example.com")
                .param("user.logonId", key)
                .param("user.password", TestRegistrations.PASSWORD)
                .param("user.passwordVerify", TestRegistrations.PASSWORD);
    }
}

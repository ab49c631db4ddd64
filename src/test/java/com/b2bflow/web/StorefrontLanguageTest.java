package com.b2bflow.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The storefront's language over HTTP: the browser's language between English and German, the switch's
 * {@code lang} parameter kept in a cookie across pages, validation in that language, and Tasklist offered in German.
 */
@IntegrationTest
class StorefrontLanguageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theBrowsersLanguagePicksGermanAndAnythingElseIsEnglish() throws Exception {
        mvc.perform(get("/store/register/organization").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(content().string(containsString("Organisation registrieren")))
                .andExpect(content().string(containsString("lang=\"de\"")))
                .andExpect(content().string(containsString("id=\"language-en\"")));
        mvc.perform(get("/store/register/organization").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(containsString("Register your organization")))
                .andExpect(content().string(containsString("id=\"language-de\"")));
    }

    @Test
    void theSwitchIsKeptInACookieAcrossPages() throws Exception {
        Cookie language = mvc.perform(get("/store/login").param("lang", "de").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("lang", "de"))
                .andExpect(content().string(containsString("Organisation registrieren")))
                .andReturn()
                .getResponse()
                .getCookie("lang");
        mvc.perform(get("/store/register/buyer").cookie(language).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Als Einkäufer registrieren")))
                .andExpect(content().string(containsString("href=\"/store/register/buyer?lang=en\"")));
    }

    @Test
    void anEmptyLogonIdIsOneGermanMessageNeverTwoGluedTogether() throws Exception {
        mvc.perform(post("/store/register/organization")
                        .with(StorefrontCsrf.token(mvc))
                        .cookie(new Cookie("lang", "de"))
                        .param("organization.name", "Sprachtest GmbH")
                        .param("user.lastName", "Müller")
                        .param("user.email", "mueller@sprachtest.example.com")
                        .param("user.logonId", "")
                        .param("user.password", "kurz")
                        .param("user.passwordVerify", "kurz"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Wählen Sie eine Anmelde-ID")))
                .andExpect(content().string(containsString("Das Passwort muss 12 bis 64 Zeichen lang sein.")))
                .andExpect(content().string(not(containsString("Choose a logon ID"))))
                .andExpect(content().string(not(containsString("Größe muss"))));
    }

    @Test
    void aCookieOfAnotherOrABrokenLanguageIsIgnored() throws Exception {
        for (String value : java.util.List.of("fr", "x!y", "")) {
            mvc.perform(get("/store/login").cookie(new Cookie("lang", value)).header("Accept-Language", "de"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("lang=\"de\"")));
        }
    }

    @Test
    void tasklistOffersGerman() throws Exception {
        mvc.perform(get("/camunda/app/tasklist/scripts/config.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("availableLocales: ['en', 'de']")));
    }
}

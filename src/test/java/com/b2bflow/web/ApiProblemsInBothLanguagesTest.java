package com.b2bflow.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem details that a person may read come in the request's language (the storefront's language resolver:
 * {@code lang} cookie, else {@code Accept-Language}); the status, the {@code title} and the field names stay as
 * they are, so that clients can rely on them. Standalone MockMvc: the advice, the resolver, no application context.
 */
class ApiProblemsInBothLanguagesTest {

    @RestController
    @ProblemResponses
    static class Endpoints {

        @GetMapping("/page")
        String page(@RequestParam int number) {
            return String.valueOf(number);
        }

        @PostMapping("/decide")
        void decide() {
            throw new OptimisticLockingFailureException("version 3 is not 4");
        }

        @PostMapping("/invite")
        void invite() {
            throw new RegistrationConflictException("invitationId", Texts.text("conflict.invitationExpired"));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .setControllerAdvice(new ApiProblems())
            .setLocaleResolver(new StorefrontLanguage().localeResolver())
            .build();

    @Test
    void aMissingParameterIsNamedInTheRequestsLanguage() throws Exception {
        mvc.perform(get("/page").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("Der Parameter 'number' fehlt"))
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].message").value("Pflichtangabe"));
        mvc.perform(get("/page"))
                .andExpect(jsonPath("$.detail").value("The parameter 'number' is missing"))
                .andExpect(jsonPath("$.errors[0].message").value("Required"));
        mvc.perform(get("/page").param("number", "two").header("Accept-Language", "de"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Der Parameter 'number' hat das falsche Format"))
                .andExpect(jsonPath("$.errors[0].message").value("Erwartet wird eine ganze Zahl"));
    }

    @Test
    void conflictsSpeakGermanToAGermanReaderAndEnglishOtherwise() throws Exception {
        mvc.perform(post("/decide").header("Accept-Language", "de"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("Jemand anderes hat dies im selben Moment geändert; laden Sie neu und versuchen Sie es "
                                + "noch einmal"));
        mvc.perform(post("/decide").header("Accept-Language", "fr"))
                .andExpect(jsonPath("$.detail")
                        .value("Someone else changed this at the same moment; reload and try again"));
        mvc.perform(post("/invite").header("Accept-Language", "de"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Diese Einladung ist bereits abgelaufen"))
                .andExpect(jsonPath("$.errors[0].field").value("invitationId"));
        mvc.perform(post("/invite")
                        .cookie(new jakarta.servlet.http.Cookie("lang", "en"))
                        .header("Accept-Language", "de"))
                .andExpect(jsonPath("$.detail").value("This invitation has expired already"));
    }
}

package com.b2bflow.privacy;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.AddressData;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;
import com.b2bflow.support.TestRegistrations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Registrations with unique personal data (names, phone, street), so that a search finds only this registrant. */
final class PrivacyFixtures {

    private PrivacyFixtures() {}

    /** A registrant's personal strings, and the registration id once submitted. */
    record Registrant(String id, RegistrationRequest request) {

        String logonId() {
            return request.user().logonId();
        }

        String email() {
            return request.user().email();
        }

        /** Every personal string a search must not find after erasure. */
        String[] personalStrings() {
            return new String[] {
                request.user().logonId(),
                request.user().email(),
                request.user().firstName(),
                request.user().lastName(),
                request.organization().name(),
                request.address().address1(),
                request.user().phone()
            };
        }
    }

    static RegistrationRequest organizationRequest() {
        String key = TestRegistrations.unique("gdpr").replace("-", "");
        return new RegistrationRequest(
                new OrganizationData("Privat " + key + " GmbH", "Industrial supplies", "Wholesale", null, null),
                new UserData(
                        "login" + key,
                        TestRegistrations.PASSWORD,
                        TestRegistrations.PASSWORD,
                        "Vorname" + key,
                        null,
                        "Nachname" + key,
                        "mail" + key + "@privat.example.com",
                        "+49 30 " + Math.abs(key.hashCode()),
                        "en"),
                new AddressData("Strasse" + key + " 1", null, "Berlin", null, "10115", "DE", null),
                null);
    }

    static Registrant submit(MockMvc mvc, ObjectMapper json) throws Exception {
        RegistrationRequest request = organizationRequest();
        String body = mvc.perform(post("/api/registrations/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(TestRegistrations.body(request))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Registrant(json.readTree(body).get("id").asText(), request);
    }

    static ResultActions withdraw(MockMvc mvc, ObjectMapper json, String id, String logonId, String password)
            throws Exception {
        return mvc.perform(post("/api/registrations/{id}/withdraw", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("logonId", logonId, "password", password))));
    }
}

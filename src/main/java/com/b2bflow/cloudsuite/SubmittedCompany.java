package com.b2bflow.cloudsuite;

import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Reads back what a partial registration submitted: the company that does not exist yet. */
@Component
class SubmittedCompany {

    private final ObjectMapper json;

    SubmittedCompany(ObjectMapper json) {
        this.json = json;
    }

    RegistrationRequest of(Registration registration) {
        try {
            return json.readValue(registration.getSubmittedData(), RegistrationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Submitted data of registration " + registration.getId() + " is unreadable", e);
        }
    }

    /** The company's name: the linked customer's once approved, else the submitted one. */
    String companyName(Registration registration) {
        if (registration.getOrganization() != null) {
            return registration.getOrganization().getName();
        }
        RegistrationRequest request = of(registration);
        return request.organization() == null ? "" : request.organization().name();
    }
}

package com.b2bflow.support;

import com.b2bflow.member.AddressData;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;
import java.util.UUID;

/** Valid registration data with unique names, for tests that share one database. */
public final class TestRegistrations {

    public static final String PASSWORD = "correct horse battery";

    private TestRegistrations() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RegistrationRequest organization() {
        String key = unique("acme");
        return organization(key + " Corp", key, key + "@" + key + ".example.com");
    }

    public static RegistrationRequest organization(String organizationName, String logonId, String email) {
        return new RegistrationRequest(
                new OrganizationData(organizationName, "Industrial supplies", "Wholesale", null, null),
                new UserData(logonId, PASSWORD, PASSWORD, "Ada", null, "Buyer", email, "+49 30 1234", "en"),
                new AddressData("Main Street 1", null, "Berlin", null, "10115", "DE", null),
                null);
    }

    /** A buyer joining the organization of this name (buyer self-registration). */
    public static RegistrationRequest buyer(String organizationName) {
        String key = unique("buyer");
        return new RegistrationRequest(
                new OrganizationData(organizationName, null, null, null, null),
                new UserData(key, PASSWORD, PASSWORD, "Bea", null, "Buyer", key + "@buyers.example.com", null, "en"),
                null,
                null);
    }

    /** The JSON body a client sends (the password is write-only, so the request record cannot be serialized). */
    public static java.util.Map<String, Object> body(RegistrationRequest request) {
        java.util.Map<String, Object> user = new java.util.LinkedHashMap<>();
        user.put("logonId", request.user().logonId());
        user.put("password", request.user().password());
        user.put("passwordVerify", request.user().passwordVerify());
        user.put("firstName", request.user().firstName());
        user.put("lastName", request.user().lastName());
        user.put("email", request.user().email());
        user.put("phone", request.user().phone());
        user.put("preferredLanguage", request.user().preferredLanguage());
        java.util.Map<String, Object> organization = new java.util.LinkedHashMap<>();
        organization.put("name", request.organization().name());
        organization.put("description", request.organization().description());
        organization.put("businessCategory", request.organization().businessCategory());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("organization", organization);
        body.put("user", user);
        body.put("address", request.address());
        return body;
    }

    public static RegistrationRequest correcting(RegistrationRequest request, String previousId) {
        return new RegistrationRequest(request.organization(), request.user(), request.address(), previousId);
    }
}

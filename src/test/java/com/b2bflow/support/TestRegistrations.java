package com.b2bflow.support;

import com.b2bflow.member.AddressData;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid registration data with unique names, for tests that share one database. */
public final class TestRegistrations {

    public static final String PASSWORD = "correct horse battery";

    private TestRegistrations() {
    }

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
                new AddressData("Main Street 1", null, "Berlin", null, "10115", "Germany", null),
                null);
    }

    /** A buyer joining the organization of this name (buyer self-registration). */
    public static RegistrationRequest buyer(String organizationName) {
        String key = unique("buyer");
        return new RegistrationRequest(new OrganizationData(organizationName, null, null, null, null),
                new UserData(key, PASSWORD, PASSWORD, "Bea", null, "Buyer", key + "@buyers.example.com", null, "en"),
                null, null);
    }

    public static RegistrationRequest correcting(RegistrationRequest request, String previousId) {
        return new RegistrationRequest(request.organization(), request.user(), request.address(), previousId);
    }

    /** The JSON API body of a request, passwords included (they are write-only when Jackson serializes one). */
    public static Map<String, Object> body(RegistrationRequest request) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", request.organization().name());
        putIfSet(organization, "description", request.organization().description());
        putIfSet(organization, "businessCategory", request.organization().businessCategory());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("logonId", request.user().logonId());
        user.put("password", request.user().password());
        user.put("passwordVerify", request.user().passwordVerify());
        putIfSet(user, "firstName", request.user().firstName());
        user.put("lastName", request.user().lastName());
        user.put("email", request.user().email());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", organization);
        body.put("user", user);
        if (request.address() != null) {
            body.put("address", Map.of("address1", request.address().address1(), "city", request.address().city(),
                    "postalCode", request.address().postalCode(), "country", request.address().country()));
        }
        return body;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

package com.b2bflow.cloudsuite;

import com.b2bflow.activation.ActivationMessages;
import com.b2bflow.member.Address;
import com.b2bflow.member.AddressData;
import com.b2bflow.member.User;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables the CloudSuite flows start with: the registration and user ids, and the company and applicant
 * information as plain strings (what staff forms and the ERP's external task client read). Never a secret.
 */
public final class CloudSuiteVariables {

    static final String USER_ID = ActivationMessages.USER_ID;
    /**
     * Whether the flow mails an activation link. Not named {@code sendActivationEmail}: a process variable of that name
     * would hide the delegate bean {@code ${sendActivationEmail}}.
     */
    public static final String ACTIVATION_EMAIL = "activationEmail";
    public static final String ERP_CUSTOMER_NUMBER = "erpCustomerNumber";

    private CloudSuiteVariables() {
    }

    static Map<String, Object> of(Registration registration, User user, String companyName, String description,
                                  String businessCategory, String taxId, String emailDomain, AddressData address) {
        AddressData a = address == null ? AddressData.empty() : address;
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REGISTRATION_ID, registration.getId());
        variables.put(USER_ID, user.getId());
        variables.put("organizationName", companyName);
        variables.put("organizationDescription", orEmpty(description));
        variables.put("businessCategory", orEmpty(businessCategory));
        variables.put("taxId", orEmpty(taxId));
        variables.put("emailDomain", orEmpty(emailDomain));
        variables.put("addressSummary", new Address(a).summary());
        variables.put("address1", orEmpty(a.address1()));
        variables.put("address2", orEmpty(a.address2()));
        variables.put("postalCode", orEmpty(a.postalCode()));
        variables.put("city", orEmpty(a.city()));
        variables.put("state", orEmpty(a.state()));
        variables.put("country", orEmpty(a.country()));
        variables.put("addressPhone", orEmpty(a.phone()));
        variables.put("applicantName", user.getDisplayName());
        variables.put("applicantLogonId", user.getLogonId());
        variables.put("applicantFirstName", orEmpty(user.getFirstName()));
        variables.put("applicantLastName", user.getLastName());
        variables.put("applicantEmail", user.getEmail());
        variables.put("applicantPhone", orEmpty(user.getPhone()));
        variables.put("applicantLanguage", orEmpty(user.getPreferredLanguage()));
        return variables;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

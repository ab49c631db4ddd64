package com.b2bflow.registration;

import com.b2bflow.member.Address;
import com.b2bflow.member.AddressData;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a registration process starts with: its id and what staff forms display. Never a secret: the
 * password stays in the member tables, hashed.
 */
final class SubmissionVariables {

    private SubmissionVariables() {
    }

    static Map<String, Object> of(Registration registration, Organization organization, User user,
                                  AddressData address, boolean approvalRequired) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REGISTRATION_ID, registration.getId());
        variables.put(ProcessVariables.APPROVAL_REQUIRED, approvalRequired);
        variables.put("organizationName", organization.getName());
        variables.put("organizationDescription", orEmpty(organization.getDescription()));
        variables.put("businessCategory", orEmpty(organization.getBusinessCategory()));
        variables.put("taxId", orEmpty(organization.getTaxId()));
        variables.put("emailDomain", orEmpty(organization.getEmailDomain()));
        variables.put("addressSummary", new Address(address).summary());
        variables.put("applicantName", user.getDisplayName());
        variables.put("applicantLogonId", user.getLogonId());
        variables.put("applicantEmail", user.getEmail());
        return variables;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

package com.b2bflow.registration;

import com.b2bflow.member.Address;
import com.b2bflow.member.AddressData;
import java.util.HashMap;
import java.util.Map;

/**
 * The one builder of the variables a registration process starts with: the registration id, and the organization
 * and applicant as plain strings (what staff forms, mails and the ERP's external task client read), plus what a flow
 * adds with {@link #with}. Never a secret: the password hash stays with the submission until the user is created.
 */
public final class StartVariables {

    private final Map<String, Object> variables = new HashMap<>();

    private StartVariables() {}

    /**
     * {@code organization} is what the applicant registers or joins (for a partial registration: the company they
     * named, kept until a customer is linked).
     */
    public static StartVariables of(
            String registrationId, MemberDraft.NewOrganization organization, MemberDraft.NewUser user) {
        AddressData a = organization.address() == null ? AddressData.empty() : organization.address();
        StartVariables start = new StartVariables();
        start.with(ProcessVariables.REGISTRATION_ID, registrationId)
                .with(ProcessVariables.ORGANIZATION_NAME, organization.name())
                .with(ProcessVariables.ORGANIZATION_DESCRIPTION, orEmpty(organization.description()))
                .with(ProcessVariables.BUSINESS_CATEGORY, orEmpty(organization.businessCategory()))
                .with(ProcessVariables.TAX_ID, orEmpty(organization.taxId()))
                .with(ProcessVariables.EMAIL_DOMAIN, orEmpty(organization.emailDomain()))
                .with(ProcessVariables.ADDRESS_SUMMARY, new Address(a).summary())
                .with(ProcessVariables.ADDRESS_1, orEmpty(a.address1()))
                .with(ProcessVariables.ADDRESS_2, orEmpty(a.address2()))
                .with(ProcessVariables.POSTAL_CODE, orEmpty(a.postalCode()))
                .with(ProcessVariables.CITY, orEmpty(a.city()))
                .with(ProcessVariables.STATE, orEmpty(a.state()))
                .with(ProcessVariables.COUNTRY, orEmpty(a.country()))
                .with(ProcessVariables.ADDRESS_PHONE, orEmpty(a.phone()))
                .with(ProcessVariables.APPLICANT_NAME, user.displayName())
                .with(ProcessVariables.APPLICANT_LOGON_ID, user.logonId())
                .with(ProcessVariables.APPLICANT_FIRST_NAME, orEmpty(strip(user.firstName())))
                .with(ProcessVariables.APPLICANT_LAST_NAME, orEmpty(strip(user.lastName())))
                .with(ProcessVariables.APPLICANT_EMAIL, orEmpty(strip(user.email())))
                .with(ProcessVariables.APPLICANT_PHONE, orEmpty(strip(user.phone())))
                .with(ProcessVariables.APPLICANT_LANGUAGE, orEmpty(strip(user.preferredLanguage())));
        return start;
    }

    public StartVariables with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public Map<String, Object> asMap() {
        return variables;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

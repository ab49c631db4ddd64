package com.b2bflow.storefront;

import com.b2bflow.registration.RegistrationFlow;
import java.util.Map;

/**
 * What differs between the registration forms that {@code store/register.html} renders: their wording (message keys
 * {@code register.<path>.title}, {@code .intro}, {@code .organizationLegend}, {@code .organizationName},
 * {@code .userLegend}), and whether the applicant describes a new organization or names an existing one.
 *
 * @param newOrganization true: the organization's details and address; false: only the name of the organization
 *                        to join, and the applicant's own address
 */
public record RegistrationPage(RegistrationFlow flow, boolean newOrganization) {

    public static final Map<String, RegistrationPage> PAGES = Map.of(
            "organization", new RegistrationPage(RegistrationFlow.ORGANIZATION, true),
            "reseller", new RegistrationPage(RegistrationFlow.RESELLER, true),
            "buyer", new RegistrationPage(RegistrationFlow.BUYER, false));

    /** The path segment in {@code /store/register/{flow}}, for the form's action. */
    public String path() {
        return flow.pathSegment();
    }

    /** The message key of one of this page's texts, e.g. {@code text("title")}. */
    public String text(String part) {
        return "register." + path() + "." + part;
    }
}

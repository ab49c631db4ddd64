package com.b2bflow.storefront;

import com.b2bflow.registration.RegistrationFlow;
import java.util.Map;

/**
 * What differs between the registration forms that {@code store/register.html} renders: their wording, and whether
 * the applicant describes a new organization or names an existing one.
 *
 * @param newOrganization true: the organization's details and address; false: only the name of the organization
 *                        to join, and the applicant's own address
 */
public record RegistrationPage(
        RegistrationFlow flow,
        String title,
        String intro,
        String organizationLegend,
        String organizationNameLabel,
        boolean newOrganization,
        String userLegend) {

    public static final Map<String, RegistrationPage> PAGES = Map.of(
            "organization",
                    new RegistrationPage(
                            RegistrationFlow.ORGANIZATION,
                            "Register your organization",
                            "Register your organization and its buyer administrator. Our staff review every registration; "
                                    + "you will receive an email when it has been decided.",
                            "Organization",
                            "Organization name",
                            true,
                            "Buyer administrator"),
            "reseller",
                    new RegistrationPage(
                            RegistrationFlow.RESELLER,
                            "Register as a reseller",
                            "Register your reseller organization and its administrator. Our site administrators approve "
                                    + "the organization and its administrator together; you will receive an email when it "
                                    + "has been decided.",
                            "Reseller organization",
                            "Organization name",
                            true,
                            "Reseller administrator"),
            "buyer",
                    new RegistrationPage(
                            RegistrationFlow.BUYER,
                            "Register as a buyer",
                            "Register as a buyer of an organization that already shops with us. Its registration approvers "
                                    + "decide; you will receive an email when they have. Ask your buyer administrator for "
                                    + "the organization's exact name.",
                            "Organization to join",
                            "Organization name (e.g. ACME or ACME/Purchasing)",
                            false,
                            "Your details"));

    /** The path segment in {@code /store/register/{flow}}, for the form's action. */
    public String path() {
        return flow.pathSegment();
    }
}

package com.b2bflow.registration;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Names of the process variables the registration flows share, and readers for them. Each flow's contract class
 * (e.g. {@link OrgSelfRegistrationProcess}) says which of them it uses; the start variables come from
 * {@link StartVariables}.
 */
public final class ProcessVariables {

    public static final String REGISTRATION_ID = "registrationId";
    public static final String APPROVAL_REQUIRED = "approvalRequired";
    public static final String APPROVED = "approved";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String DECIDED_BY = "decidedBy";
    public static final String ORGANIZATION_ROLES = "organizationRoles";
    public static final String APPROVAL_GROUPS = "approvalGroups";
    public static final String POSSIBLE_DUPLICATES = "possibleDuplicates";
    /** The review form's warning of likely duplicates, with links to them (Markdown; empty when none). */
    public static final String DUPLICATES_WARNING = "duplicatesWarning";
    /** For a correction: why the corrected registration was rejected (Markdown; empty otherwise). */
    public static final String PREVIOUS_REJECTION = "previousRejection";
    /** For a correction: what the applicant changed, field by field (Markdown; empty otherwise). */
    public static final String CHANGES_SINCE_REJECTION = "changesSinceRejection";
    /** Who completed the review (a person; absent when no person did), for the four-eyes rule. */
    public static final String REVIEWED_BY = "reviewedBy";
    /** What the final approval decides on: account, contracts, roles, approval groups, reviewer (Markdown). */
    public static final String APPROVAL_SUMMARY = "approvalSummary";

    public static final String ACCOUNT_NAME = "accountName";
    public static final String CONTRACT_NAME = "contractName";
    public static final String CONTRACT_TERMS = "contractTerms";
    public static final String CONTRACT_VALID_FROM = "contractValidFrom";
    public static final String CONTRACT_VALID_TO = "contractValidTo";
    /**
     * The set-up form's dynamic list of contracts (a JSON array of objects with the four contract fields above);
     * without it the flat contract variables describe the one contract.
     */
    public static final String CONTRACTS = "contracts";
    /** The contracts set up, one a line (set by the account creation; shown in the final approval, named in mails). */
    public static final String CONTRACTS_SUMMARY = "contractsSummary";
    /** Who completed the account set-up task (set by its complete listener, read by the account creation). */
    public static final String ACCOUNT_SET_UP_BY = "accountSetUpBy";
    /** Whether the organization has registration approvers (false: the buyer is approved at once). */
    public static final String APPROVERS_FOUND = "approversFound";

    public static final String USER_ID = "userId";
    /** The customer a partial registration's user is linked to (chosen by the back office or named by the ERP). */
    public static final String CUSTOMER_ID = "customerId";

    public static final String ORGANIZATION_ID = "organizationId";
    public static final String ORGANIZATION_NAME = "organizationName";
    public static final String ORGANIZATION_DESCRIPTION = "organizationDescription";
    public static final String BUSINESS_CATEGORY = "businessCategory";
    public static final String TAX_ID = "taxId";
    public static final String EMAIL_DOMAIN = "emailDomain";
    public static final String ADDRESS_SUMMARY = "addressSummary";
    public static final String ADDRESS_1 = "address1";
    public static final String ADDRESS_2 = "address2";
    public static final String POSTAL_CODE = "postalCode";
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String COUNTRY = "country";
    public static final String ADDRESS_PHONE = "addressPhone";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPLICANT_LOGON_ID = "applicantLogonId";
    public static final String APPLICANT_FIRST_NAME = "applicantFirstName";
    public static final String APPLICANT_LAST_NAME = "applicantLastName";
    public static final String APPLICANT_EMAIL = "applicantEmail";
    public static final String APPLICANT_PHONE = "applicantPhone";
    public static final String APPLICANT_LANGUAGE = "applicantLanguage";
    /**
     * Whether the flow mails an activation link. Not named {@code sendActivationEmail}: a process variable of that name
     * would hide the delegate bean {@code ${sendActivationEmail}}.
     */
    public static final String ACTIVATION_EMAIL = "activationEmail";

    public static final String ERP_CUSTOMER_NUMBER = "erpCustomerNumber";
    public static final String ROLES = "roles";
    public static final String CREATED_BY = "createdBy";
    public static final String ON_BEHALF_OF = "onBehalfOf";
    /** Input parameters of the {@code notifyStaff} step: which staff group gets which mail template. */
    public static final String STAFF_GROUP = "staffGroup";

    public static final String MAIL_TEMPLATE = "mailTemplate";
    public static final String GROUP = "group";
    public static final String TASK_NAME = "taskName";

    private ProcessVariables() {}

    /**
     * A list of strings from whatever the client sent: a Java list, a JSON array (Camunda Forms checklists arrive
     * as Spin JSON; an API client may send it as a string), or a comma-separated string. Elements that are no strings
     * come back as their JSON text, which the caller refuses as unknown; nothing here throws.
     */
    public static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream()
                    .map(String::valueOf)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        if (value instanceof SpinJsonNode json && json.isArray()) {
            return json.elements().stream()
                    .map(ProcessVariables::elementText)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        String text = String.valueOf(value).strip();
        if (text.startsWith("[")) {
            try {
                return stringList(Spin.JSON(text));
            } catch (SpinRuntimeException notJson) {
                // not a JSON array after all: read as a comma-separated string, whose parts the caller refuses
            }
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A string element as its text; anything else (a number, null, a nested list) as its JSON, for a refusal. */
    private static String elementText(SpinJsonNode element) {
        return element.isString() ? element.stringValue() : element.toString();
    }

    /** A boolean from a Boolean or from "true"/"false"; null when absent or anything else. */
    public static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }

    public static String text(Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }
}

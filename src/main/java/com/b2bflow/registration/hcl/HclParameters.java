package com.b2bflow.registration.hcl;

import com.b2bflow.member.AddressData;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The parameter contract of {@code BuyerRegistrationAdd} / {@code ResellerRegistrationAdd}: {@code org_} + OrgEntityAdd
 * parameters and {@code usr_} + UserRegistrationAdd parameters, with the exceptions HCL Commerce makes for these two
 * URLs.
 */
final class HclParameters {

    /**
     * Refused by HCL Commerce in these URLs: the parent comes from the policy, admin names from usr_, the type is
     * always O.
     */
    static final Map<String, String> FORBIDDEN = Map.of(
            "usr_parentMember", "The parent is determined when the organization is created",
            "org_parentMember", "The parent organization comes from the registration policy",
            "org_administratorFirstName", "The administrator's names come from usr_firstName",
            "org_administratorLastName", "The administrator's names come from usr_lastName",
            "org_administratorMiddleName", "The administrator's names come from usr_middleName",
            "org_orgEntityType", "The organization type is always O");

    /** HCL parameter → field path in the JSON body, so that errors name the parameter the client sent. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("org_orgEntityName", "organization.name"),
            Map.entry("org_description", "organization.description"),
            Map.entry("org_businessCategory", "organization.businessCategory"),
            Map.entry("org_legalId", "organization.taxId"),
            Map.entry("org_emailDomain", "organization.emailDomain"),
            Map.entry("org_address1", "address.address1"),
            Map.entry("org_address2", "address.address2"),
            Map.entry("org_city", "address.city"),
            Map.entry("org_state", "address.state"),
            Map.entry("org_zipCode", "address.postalCode"),
            Map.entry("org_country", "address.country"),
            Map.entry("org_phone1", "address.phone"),
            Map.entry("usr_logonId", "user.logonId"),
            Map.entry("usr_logonPassword", "user.password"),
            Map.entry("usr_logonPasswordVerify", "user.passwordVerify"),
            Map.entry("usr_firstName", "user.firstName"),
            Map.entry("usr_middleName", "user.middleName"),
            Map.entry("usr_lastName", "user.lastName"),
            Map.entry("usr_email1", "user.email"),
            Map.entry("usr_phone1", "user.phone"),
            Map.entry("usr_preferredLanguage", "user.preferredLanguage"));

    /** Store-front parameters that HCL URLs carry and that this application does not need. */
    static final Set<String> IGNORED = Set.of("storeId", "langId", "catalogId", "URL", "errorViewName",
            "authToken", "krypto");

    private HclParameters() {
    }

    /** Parameters HCL Commerce forbids here, unknown ones, and repeated ones, as 400 problems naming the parameter. */
    static List<FieldProblem> problems(MultiValueMap<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (FORBIDDEN.containsKey(name)) {
                problems.add(new FieldProblem(name, "Not accepted: " + FORBIDDEN.get(name)));
            } else if (!FIELDS.containsKey(name) && !IGNORED.contains(name)) {
                problems.add(new FieldProblem(name, "Unknown parameter"));
            } else if (values.size() > 1) {
                problems.add(new FieldProblem(name, "Given more than once"));
            }
        });
        return problems;
    }

    static RegistrationRequest toRequest(MultiValueMap<String, String> p) {
        List<FieldProblem> problems = problems(p);
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        return new RegistrationRequest(
                new OrganizationData(p.getFirst("org_orgEntityName"), p.getFirst("org_description"),
                        p.getFirst("org_businessCategory"), p.getFirst("org_legalId"), p.getFirst("org_emailDomain")),
                new UserData(p.getFirst("usr_logonId"), p.getFirst("usr_logonPassword"),
                        orEmpty(p.getFirst("usr_logonPasswordVerify")), p.getFirst("usr_firstName"),
                        p.getFirst("usr_middleName"), p.getFirst("usr_lastName"), p.getFirst("usr_email1"),
                        p.getFirst("usr_phone1"), p.getFirst("usr_preferredLanguage")),
                new AddressData(p.getFirst("org_address1"), p.getFirst("org_address2"), p.getFirst("org_city"),
                        p.getFirst("org_state"), p.getFirst("org_zipCode"), p.getFirst("org_country"),
                        p.getFirst("org_phone1")),
                null);
    }

    /** The same problems, named by the HCL parameter that carried the field. */
    static List<FieldProblem> renamed(List<FieldProblem> problems) {
        return problems.stream().map(problem -> new FieldProblem(FIELDS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(problem.field())).map(Map.Entry::getKey).findFirst()
                .orElse(problem.field()), problem.message())).toList();
    }

    /** Confirmation is required here: a missing verify field differs from the password. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

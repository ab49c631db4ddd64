package com.b2bflow.registration.hcl;

import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.member.AddressData;
import com.b2bflow.member.ProfileType;
import com.b2bflow.registration.HclProfile;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationService;
import com.b2bflow.registration.UserData;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.IsoCodes;
import com.b2bflow.shared.PlainTextValidator;
import com.b2bflow.shared.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.util.MultiValueMap;

/**
 * The parameter contract of {@code BuyerRegistrationAdd} / {@code ResellerRegistrationAdd}: {@code org_} + OrgEntityAdd
 * parameters and {@code usr_} + UserRegistrationAdd parameters ({@link HclParameterCatalogue}), with the exceptions
 * HCL Commerce makes for these two URLs. A parameter with a place of its own here goes there; the other documented
 * ones are kept under their HCL table; undocumented ones are refused (ADR 0013, ADR 0024).
 */
final class HclParameters {

    static final String USER_PREFIX = "usr_";
    static final String ORGANIZATION_PREFIX = "org_";
    static final int MAX_VALUE = 254;

    /**
     * Refused by HCL Commerce in these URLs: the parent comes from the policy, admin names from usr_, the type is
     * always O. Each with the key of its reason in the message files.
     */
    static final Map<String, String> FORBIDDEN = Map.of(
            "usr_parentMember", "hcl.forbidden.parentMember",
            "org_parentMember", "hcl.forbidden.parentOrganization",
            "org_parentMemberId", "hcl.forbidden.parentOrganization",
            "org_administratorFirstName", "hcl.forbidden.administratorFirstName",
            "org_administratorLastName", "hcl.forbidden.administratorLastName",
            "org_administratorMiddleName", "hcl.forbidden.administratorMiddleName",
            "org_orgEntityType", "hcl.forbidden.orgEntityType");

    /**
     * This product's own parameter: the version of the terms and privacy notice the applicant agreed to, as the
     * storefront's forms send it (ADR 0037). A person's post requires it; a client's post keeps it when sent.
     */
    static final String CONSENT = "consentVersion";

    /** HCL parameter → field path in the request, so that errors name the parameter the client sent. */
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
            Map.entry("org_email1", "hcl.organizationEmail"),
            Map.entry("org_taxPayerId", "hcl.organizationTaxPayerId"),
            Map.entry("usr_logonId", "user.logonId"),
            Map.entry("usr_logonPassword", "user.password"),
            Map.entry("usr_logonPasswordVerify", "user.passwordVerify"),
            Map.entry("usr_firstName", "user.firstName"),
            Map.entry("usr_middleName", "user.middleName"),
            Map.entry("usr_lastName", "user.lastName"),
            Map.entry("usr_email1", "user.email"),
            Map.entry("usr_phone1", "user.phone"),
            Map.entry("usr_preferredLanguage", "user.preferredLanguage"),
            Map.entry("usr_profileType", RegistrationService.HCL_PROFILE_TYPE),
            Map.entry("usr_preferredCurrency", "hcl.preferredCurrency"),
            Map.entry("usr_receiveEmail", "hcl.receiveEmail"),
            Map.entry("usr_address1", "hcl.userAddress.address1"),
            Map.entry("usr_address2", "hcl.userAddress.address2"),
            Map.entry("usr_city", "hcl.userAddress.city"),
            Map.entry("usr_state", "hcl.userAddress.state"),
            Map.entry("usr_zipCode", "hcl.userAddress.postalCode"),
            Map.entry("usr_country", "hcl.userAddress.country"),
            Map.entry(CONSENT, CONSENT));

    /**
     * Accepted and not kept: this product has no security questions (a forgotten password is reset by mail), and
     * an answer kept beside the password would be a second, weaker password.
     */
    static final Set<String> DISCARDED = Set.of("usr_challengeQuestion", "usr_challengeAnswer");

    /**
     * Store-front parameters of the URL itself: {@code langId} picks the language of the mails and of an error
     * page, {@code URL} the success view, {@code errorViewName} an HTML answer to errors; the rest is not needed.
     */
    static final Set<String> COMMAND =
            Set.of("storeId", "langId", "catalogId", "URL", "errorViewName", "authToken", "krypto");

    /** HCL Commerce's language ids of the two languages this product speaks (ADR 0024). */
    static final Map<String, String> LANGUAGE_IDS = Map.of("-1", "en", "-3", "de");

    private HclParameters() {}

    /**
     * Parameters HCL Commerce forbids here, undocumented ones, repeated ones and values that cannot be kept, as 400
     * problems naming the parameter.
     */
    static List<FieldProblem> problems(MultiValueMap<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (FORBIDDEN.containsKey(name)) {
                problems.add(
                        new FieldProblem(name, Texts.text("hcl.problem.notAccepted", Texts.text(FORBIDDEN.get(name)))));
            } else if (!accepted(name)) {
                problems.add(new FieldProblem(name, Texts.text("hcl.problem.unknownParameter")));
            } else if (values.size() > 1) {
                problems.add(new FieldProblem(name, Texts.text("hcl.problem.givenMoreThanOnce")));
            } else if (values.get(0) != null) {
                valueProblem(name, values.get(0)).ifPresent(problems::add);
            }
        });
        return problems;
    }

    /** Not forbidden: one of the URL's own parameters, this product's consent, or a documented HCL parameter. */
    static boolean accepted(String name) {
        return !FORBIDDEN.containsKey(name)
                && (COMMAND.contains(name) || name.equals(CONSENT) || HclParameterCatalogue.tableOf(name) != null);
    }

    /** What is wrong with a value the request's own validation does not check (those with a field of their own). */
    private static Optional<FieldProblem> valueProblem(String name, String value) {
        if (!FIELDS.containsKey(name) && value.length() > MAX_VALUE) {
            return Optional.of(new FieldProblem(name, Texts.text("hcl.problem.atMost", MAX_VALUE)));
        }
        if (!FIELDS.containsKey(name) && PlainTextValidator.containsControl(value, false)) {
            return Optional.of(new FieldProblem(name, Texts.text("hcl.problem.controlCharacters")));
        }
        if (name.equals("usr_profileType") && !value.isBlank() && profileType(value) == null) {
            return Optional.of(new FieldProblem(name, Texts.text("hcl.problem.profileType")));
        }
        if (name.equals("usr_receiveEmail") && !value.isBlank() && bool(value) == null) {
            return Optional.of(new FieldProblem(name, Texts.text("hcl.problem.trueOrFalse")));
        }
        if (name.equals("langId") && !value.isBlank() && !LANGUAGE_IDS.containsKey(value.strip())) {
            return Optional.of(new FieldProblem(name, Texts.text("hcl.problem.langId")));
        }
        return Optional.empty();
    }

    static RegistrationRequest toRequest(MultiValueMap<String, String> p) {
        List<FieldProblem> problems = problems(p);
        String language = language(p.getFirst("usr_preferredLanguage"), p.getFirst("langId"));
        if (language == null) {
            problems.add(new FieldProblem("usr_preferredLanguage", Texts.text("hcl.problem.preferredLanguage")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        return new RegistrationRequest(
                new OrganizationData(
                        p.getFirst("org_orgEntityName"),
                        p.getFirst("org_description"),
                        p.getFirst("org_businessCategory"),
                        p.getFirst("org_legalId"),
                        p.getFirst("org_emailDomain")),
                new UserData(
                        p.getFirst("usr_logonId"),
                        p.getFirst("usr_logonPassword"),
                        orEmpty(p.getFirst("usr_logonPasswordVerify")),
                        p.getFirst("usr_firstName"),
                        p.getFirst("usr_middleName"),
                        p.getFirst("usr_lastName"),
                        blankToNull(p.getFirst("usr_email1")),
                        p.getFirst("usr_phone1"),
                        language.isEmpty() ? null : language),
                new AddressData(
                        p.getFirst("org_address1"),
                        p.getFirst("org_address2"),
                        p.getFirst("org_city"),
                        p.getFirst("org_state"),
                        p.getFirst("org_zipCode"),
                        country(p.getFirst("org_country")),
                        p.getFirst("org_phone1")),
                null,
                profile(p),
                blankToNull(p.getFirst(CONSENT)));
    }

    private static HclProfile profile(MultiValueMap<String, String> p) {
        AddressData userAddress = new AddressData(
                p.getFirst("usr_address1"),
                p.getFirst("usr_address2"),
                p.getFirst("usr_city"),
                p.getFirst("usr_state"),
                p.getFirst("usr_zipCode"),
                country(p.getFirst("usr_country")),
                null);
        String currency = blankToNull(p.getFirst("usr_preferredCurrency"));
        return new HclProfile(
                profileType(p.getFirst("usr_profileType")),
                currency == null ? null : currency.strip().toUpperCase(Locale.ROOT),
                bool(p.getFirst("usr_receiveEmail")),
                blankToNull(p.getFirst("org_email1")),
                blankToNull(p.getFirst("org_taxPayerId")),
                userAddress.isEmpty() ? null : userAddress,
                attributes(p, USER_PREFIX),
                attributes(p, ORGANIZATION_PREFIX));
    }

    /** The documented parameters with no place of their own, by HCL table, without their prefix. */
    private static Map<String, Map<String, String>> attributes(MultiValueMap<String, String> p, String prefix) {
        Map<String, Map<String, String>> byTable = new TreeMap<>();
        p.forEach((name, values) -> {
            String value = blankToNull(values.get(0));
            if (name.startsWith(prefix) && value != null && !FIELDS.containsKey(name) && !DISCARDED.contains(name)) {
                byTable.computeIfAbsent(HclParameterCatalogue.tableOf(name), table -> new TreeMap<>())
                        .put(name.substring(prefix.length()), value.strip());
            }
        });
        return byTable;
    }

    /**
     * The language code of {@code usr_preferredLanguage}, else of {@code langId} (HCL language ids -1 and -3, or a
     * code as the storefront form sends it); "" when neither is given, null when it is not one of ours.
     */
    static String language(String preferredLanguage, String langId) {
        String given = blankToNull(preferredLanguage);
        if (given == null) {
            String session = blankToNull(langId);
            return session == null ? "" : LANGUAGE_IDS.getOrDefault(session.strip(), "");
        }
        String code = LANGUAGE_IDS.get(given.strip());
        if (code != null) {
            return code;
        }
        return given.strip().matches("[a-zA-Z]{2}([_-][a-zA-Z]{2})?")
                ? given.strip().substring(0, 2).toLowerCase(Locale.ROOT)
                : null;
    }

    /**
     * HCL sends a country as text ({@code org_country}, {@code usr_country}): a country's code, alpha-3 code or English
     * or German name becomes its ISO code; other text (or a name of several countries) stays, and the address's
     * validation refuses it with a 400 naming the parameter.
     */
    private static String country(String text) {
        return IsoCodes.countryOf(text).orElse(text);
    }

    /** The locale of {@code langId}, or null when none (or not one of ours) is given. */
    static Locale locale(String langId) {
        String code = langId == null ? null : LANGUAGE_IDS.get(langId.strip());
        return code == null ? null : Locale.forLanguageTag(code);
    }

    private static ProfileType profileType(String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        return switch (given.strip().toUpperCase(Locale.ROOT)) {
            case "B" -> ProfileType.B;
            case "C" -> ProfileType.C;
            default -> null;
        };
    }

    private static Boolean bool(String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The same problems, named by the HCL parameter that carried the field. */
    static List<FieldProblem> renamed(List<FieldProblem> problems) {
        Map<String, String> parameters = new HashMap<>();
        FIELDS.forEach((parameter, field) -> parameters.put(field, parameter));
        return problems.stream()
                .map(problem ->
                        new FieldProblem(parameters.getOrDefault(problem.field(), problem.field()), problem.message()))
                .toList();
    }

    /** Confirmation is required here: a missing verify field differs from the password. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

package com.b2bflow.registration.hcl;

import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.IsoCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * The registration form an HCL storefront shows again after an error ({@code errorViewName}): the messages (already in
 * the request's language, {@code langId}'s or else the browser's), the fields to correct, the consent to the terms,
 * and every other accepted parameter kept for the next post. The page's own texts are in the message files
 * ({@code hclForm.*}). Passwords and the challenge answer are never written back into the page.
 */
@Component
class HclErrorPage {

    /** The fields of the form, in order; the password fields are always empty. */
    static final List<String> FORM_FIELDS = List.of(
            "org_orgEntityName",
            "usr_firstName",
            "usr_lastName",
            "usr_email1",
            "usr_logonId",
            "usr_logonPassword",
            "usr_logonPasswordVerify");

    static final Set<String> REQUIRED =
            Set.of("org_orgEntityName", "usr_logonId", "usr_logonPassword", "usr_logonPasswordVerify");
    static final Map<String, String> AUTOCOMPLETE = Map.of(
            "org_orgEntityName",
            "organization",
            "usr_firstName",
            "given-name",
            "usr_lastName",
            "family-name",
            "usr_email1",
            "email",
            "usr_logonId",
            "username",
            "org_country",
            "country",
            "usr_country",
            "country");
    static final Set<String> SECRET = Set.of("usr_logonPassword", "usr_logonPasswordVerify", "usr_challengeAnswer");

    /** Countries are offered as the list the storefront's forms show, named in the page's language. */
    static final Set<String> COUNTRIES = Set.of("org_country", "usr_country");

    /**
     * One input of the form (its error is in the page's {@code errors}, by name, as the form fragment reads it; its
     * label is {@code hclForm.field.<name>}, else the parameter's name). A country is a list of countries.
     */
    record Field(String name, String type, String value, boolean required, String autocomplete, boolean country) {}

    /** One line of the error summary: the parameter, its message, and whether the form has a field to link to. */
    record Error(String parameter, String message, boolean onPage) {}

    /** What the consent fragment reads: the version the person ticked, if any. */
    record Consent(String consentVersion) {}

    ModelAndView render(
            String action,
            MultiValueMap<String, String> parameters,
            List<FieldProblem> problems,
            HttpStatus status,
            Locale locale) {
        Map<String, String> errors = FieldProblem.byField(problems);
        List<Field> fields = new ArrayList<>();
        List<String> shown = new ArrayList<>(FORM_FIELDS);
        // a parameter that is accepted but wrong (a currency, a country) is shown to be corrected too
        errors.keySet().stream()
                .filter(name -> !shown.contains(name) && kept(name))
                .forEach(shown::add);
        for (String name : shown) {
            boolean secret = SECRET.contains(name);
            boolean country = COUNTRIES.contains(name);
            String value = parameters.getFirst(name);
            fields.add(new Field(
                    name,
                    secret ? "password" : "text",
                    secret ? "" : country ? IsoCodes.countryOf(value).orElse(value) : value,
                    REQUIRED.contains(name),
                    secret ? "new-password" : AUTOCOMPLETE.getOrDefault(name, "off"),
                    country));
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!shown.contains(name) && !SECRET.contains(name) && kept(name) && values.size() == 1) {
                hidden.put(name, values.get(0));
            }
        });
        ModelAndView page = new ModelAndView("store/hcl-register", status);
        page.addObject("action", action);
        page.addObject("errors", errors);
        page.addObject(
                "problems",
                errors.entrySet().stream()
                        .map(error -> new Error(
                                error.getKey(),
                                error.getValue(),
                                shown.contains(error.getKey()) || error.getKey().equals(HclParameters.CONSENT)))
                        .toList());
        page.addObject("fields", fields);
        page.addObject("hidden", hidden);
        page.addObject("countries", IsoCodes.countries(locale));
        page.addObject("consentVersion", ConsentTerms.CURRENT);
        page.addObject("form", new Consent(parameters.getFirst(HclParameters.CONSENT)));
        return page;
    }

    /** Accepted here, so worth posting again; the consent is the checkbox of its own, not a field. */
    private static boolean kept(String name) {
        return HclParameters.accepted(name) && !name.equals(HclParameters.CONSENT);
    }
}

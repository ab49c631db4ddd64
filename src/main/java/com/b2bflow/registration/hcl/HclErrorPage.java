package com.b2bflow.registration.hcl;

import com.b2bflow.shared.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * The registration form an HCL storefront shows again after an error ({@code errorViewName}): the messages, in the
 * language of {@code langId} (else the browser's), the fields to correct, and every other accepted parameter kept
 * for the next post. Passwords and the challenge answer are never written back into the page.
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
            "username");
    static final Set<String> SECRET = Set.of("usr_logonPassword", "usr_logonPasswordVerify", "usr_challengeAnswer");

    private final MessageSource messages;

    HclErrorPage(MessageSource messages) {
        this.messages = messages;
    }

    /** One input of the form (its error is in the page's {@code errors}, by name, as the form fragment reads it). */
    record Field(String name, String label, String type, String value, boolean required, String autocomplete) {}

    /** One line of the error summary; it links to its field when the form shows one ({@code field}). */
    record Error(String parameter, String label, String message, boolean field) {}

    ModelAndView render(
            String action,
            MultiValueMap<String, String> parameters,
            List<FieldProblem> problems,
            HttpStatus status,
            Locale locale) {
        Map<String, String> errors = FieldProblem.byField(problems.stream()
                .map(problem -> new FieldProblem(problem.field(), message(problem.message(), locale)))
                .toList());
        List<Field> fields = new ArrayList<>();
        List<String> shown = new ArrayList<>(FORM_FIELDS);
        // a parameter that is accepted but wrong (a currency, a profile type) is shown to be corrected too
        errors.keySet().stream()
                .filter(name -> !shown.contains(name) && kept(name))
                .forEach(shown::add);
        for (String name : shown) {
            boolean secret = SECRET.contains(name);
            fields.add(new Field(
                    name,
                    label(name, locale),
                    secret ? "password" : "text",
                    secret ? "" : parameters.getFirst(name),
                    REQUIRED.contains(name),
                    secret ? "new-password" : AUTOCOMPLETE.getOrDefault(name, "off")));
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!shown.contains(name) && !SECRET.contains(name) && kept(name) && values.size() == 1) {
                hidden.put(name, values.get(0));
            }
        });
        ModelAndView page = new ModelAndView("store/hcl-register", status);
        page.addObject("lang", locale.getLanguage());
        page.addObject("title", messages.getMessage("hclForm.title", null, locale));
        page.addObject("intro", messages.getMessage("hclForm.intro", null, locale));
        page.addObject("summary", messages.getMessage("hclForm.summary", null, locale));
        page.addObject("submit", messages.getMessage("hclForm.submit", null, locale));
        page.addObject("action", action);
        page.addObject("errors", errors);
        page.addObject(
                "problems",
                errors.entrySet().stream()
                        .map(error -> new Error(
                                error.getKey(),
                                label(error.getKey(), locale),
                                error.getValue(),
                                shown.contains(error.getKey())))
                        .toList());
        page.addObject("fields", fields);
        page.addObject("hidden", hidden);
        return page;
    }

    /** Accepted here, so worth posting again: neither forbidden nor unknown. */
    private static boolean kept(String name) {
        return !HclParameters.FORBIDDEN.containsKey(name)
                && (HclParameters.COMMAND.contains(name) || HclParameterCatalogue.tableOf(name) != null);
    }

    private String label(String parameter, Locale locale) {
        return messages.getMessage("hclForm.field." + parameter, null, parameter, locale);
    }

    /**
     * A problem's text in the page's language: looked up by a key made of its English words
     * ({@code hclForm.problem.unknown-parameter}), the English text itself where there is no translation.
     */
    String message(String english, Locale locale) {
        String text = english.startsWith("Not accepted:") ? "Not accepted" : english;
        String key = "hclForm.problem."
                + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return messages.getMessage(key, null, english, locale);
    }
}

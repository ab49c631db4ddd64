package com.b2bflow.registration.hcl;

import com.b2bflow.shared.FieldProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The model of the form HCL's URLs show again after an error, as {@link HclErrorPage} builds it, for the test that
 * renders every storefront page in both languages: a wrong country (shown as the list), a missing consent and an
 * unknown parameter (named, with nothing to link to).
 */
public final class HclErrorPageExample {

    /** The unknown parameter of the example: its name is the label, the same in both languages. */
    public static final String UNKNOWN_PARAMETER = "usr_typo";

    private HclErrorPageExample() {}

    public static Map<String, Object> model() {
        LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("storeId", "10001");
        parameters.add("org_orgEntityName", "ACME");
        parameters.add("usr_logonId", "jdoe");
        parameters.add("usr_country", "Bavaria");
        parameters.add("usr_preferredCurrency", "EUR");
        parameters.add(UNKNOWN_PARAMETER, "x");
        List<FieldProblem> problems = List.of(
                new FieldProblem("usr_country", "x"),
                new FieldProblem(HclParameters.CONSENT, "x"),
                new FieldProblem(UNKNOWN_PARAMETER, "x"));
        Map<String, Object> model = new HashMap<>(new HclErrorPage()
                .render(
                        HclRegistrationController.BASE + "BuyerRegistrationAdd",
                        parameters,
                        problems,
                        HttpStatus.BAD_REQUEST,
                        Locale.ENGLISH)
                .getModel());
        // the countries are named in the page's language: the renderer adds them for each language
        model.remove("countries");
        return model;
    }
}

package com.b2bflow.registration.hcl;

import com.b2bflow.shared.FieldProblem;
import com.b2bflow.support.BothLanguages;
import com.b2bflow.support.PageRendering;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.ModelAndView;

/** The form HCL's URLs show again after an error, in English and in German ({@code langId} -1 and -3). */
class HclErrorPageInBothLanguagesTest {

    @Test
    void theFormAndItsProblemsAreGermanForLangIdMinusThree() throws Exception {
        HclErrorPage page = new HclErrorPage(BothLanguages.messages());
        LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("org_orgEntityName", "ACME");
        parameters.add("usr_logonId", "jdoe");
        parameters.add("usr_preferredCurrency", "EURO");
        List<FieldProblem> problems = List.of(
                new FieldProblem("usr_logonPassword", "Unknown parameter"),
                new FieldProblem("usr_logonId", "Given more than once"));
        try (PageRendering pages = new PageRendering()) {
            String english = render(pages, page, parameters, problems, Locale.ENGLISH);
            String german = render(pages, page, parameters, problems, Locale.GERMAN);
            BothLanguages.assertGerman("HCL error page", english, german, List.of("ACME", "jdoe", "EURO"));
        }
    }

    private static String render(
            PageRendering pages,
            HclErrorPage page,
            LinkedMultiValueMap<String, String> parameters,
            List<FieldProblem> problems,
            Locale locale)
            throws Exception {
        ModelAndView view = page.render(
                "/webapp/wcs/stores/servlet/UserRegistrationAdd", parameters, problems, HttpStatus.BAD_REQUEST, locale);
        return pages.render(view.getViewName(), view.getModel(), locale);
    }
}

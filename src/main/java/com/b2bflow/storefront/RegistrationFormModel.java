package com.b2bflow.storefront;

import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.shared.IsoCodes;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every registration form offers beside its fields: the countries and languages to choose from (named in the
 * page's language, stored as ISO codes), the version of the terms agreed to, and the browser's checks of each field.
 */
@ControllerAdvice(assignableTypes = {RegistrationPageController.class, CompanyRegistrationPageController.class})
class RegistrationFormModel {

    private final FormRules rules;

    RegistrationFormModel(Validator validator) {
        this.rules = new FormRules(validator);
    }

    @ModelAttribute("countries")
    List<IsoCodes.Choice> countries() {
        return IsoCodes.countries(LocaleContextHolder.getLocale());
    }

    @ModelAttribute("formLanguages")
    List<IsoCodes.Choice> languages() {
        return IsoCodes.languages();
    }

    @ModelAttribute("consentVersion")
    String consentVersion() {
        return ConsentTerms.CURRENT;
    }

    @ModelAttribute("rules")
    FormRules rules() {
        return rules;
    }
}

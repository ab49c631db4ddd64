package com.b2bflow.web;

import com.b2bflow.shared.HumanFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every storefront page's layout needs beside its own model: the language switch ({@code languages}) and the
 * formatter of dates and times in the person's language and zone ({@code dates}).
 */
@ControllerAdvice(annotations = Controller.class)
class StorefrontPageModel {

    @ModelAttribute("languages")
    List<StorefrontLanguage.LanguageLink> languages(HttpServletRequest request) {
        return StorefrontLanguage.links(request, LocaleContextHolder.getLocale());
    }

    @ModelAttribute("dates")
    HumanFormat dates(HttpServletRequest request) {
        return new HumanFormat(LocaleContextHolder.getLocale(), StorefrontLanguage.zone(request));
    }
}

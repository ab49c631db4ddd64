package com.b2bflow.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Storefront pages answer a refused action with a page that says why (and for the actions reserved to seller and site
 * administrators, whom to ask), with the refusal's status. The JSON API answers with problem details instead (see
 * ApiProblems).
 */
@ControllerAdvice(annotations = StorefrontPage.class)
class RefusedPages {

    private final OnBehalfSessions sessions;

    RefusedPages(OnBehalfSessions sessions) {
        this.sessions = sessions;
    }

    @ExceptionHandler(AccessRefusedException.class)
    String refused(AccessRefusedException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.decision().status());
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("status", e.decision().status());
        model.addAttribute("onBehalf", sessions.current(request).orElse(null));
        return "store/refused";
    }
}

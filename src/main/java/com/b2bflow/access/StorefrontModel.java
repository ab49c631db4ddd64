package com.b2bflow.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the CSR's on-behalf session, for the persistent "acting on behalf of …" banner. */
@ControllerAdvice(annotations = Controller.class)
class StorefrontModel {

    private final OnBehalfSessions sessions;

    StorefrontModel(OnBehalfSessions sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("onBehalf")
    OnBehalf onBehalf(HttpServletRequest request) {
        return sessions.current(request).orElse(null);
    }
}

package com.b2bflow.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Keeps a CSR's on-behalf session in their HTTP session, beside their own authentication. */
@Component
public class OnBehalfSessions {

    static final String ATTRIBUTE = OnBehalf.class.getName();

    public Optional<OnBehalf> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : current(session);
    }

    public Optional<OnBehalf> current(HttpSession session) {
        try {
            return Optional.ofNullable((OnBehalf) session.getAttribute(ATTRIBUTE));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    public void start(HttpServletRequest request, OnBehalf onBehalf) {
        request.getSession(true).setAttribute(ATTRIBUTE, onBehalf);
    }

    public void stop(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}

package com.b2bflow.customerservice;

import com.b2bflow.access.OnBehalfSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Signing out ends acting on behalf, and the audit log says so. */
@Component
public class OnBehalfLogout implements LogoutHandler {

    private final OnBehalfSessions sessions;
    private final CustomerService customerService;

    public OnBehalfLogout(OnBehalfSessions sessions, CustomerService customerService) {
        this.sessions = sessions;
        this.customerService = customerService;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        sessions.current(request).ifPresent(customerService::stopOnBehalf);
        sessions.stop(request);
    }
}

package com.b2bflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Camunda webapps (Tasklist, Cockpit, Admin) take the staff member signed in at the storefront's sign-in page
 * from Spring Security, with the groups read from Camunda identity at sign-in: one sign-in for all staff pages.
 * Anyone else (nobody signed in, or a buyer) is not authenticated to the webapps. Camunda's
 * {@code ContainerBasedAuthenticationFilter} instantiates this class by name, hence public with a no-argument
 * constructor.
 */
public final class WebappAuthenticationFromSpringSecurity extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return staffResult(SecurityContextHolder.getContext().getAuthentication());
    }

    static AuthenticationResult staffResult(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof StaffPrincipal staff)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(staff.userId());
        result.setGroups(staff.groups());
        return result;
    }
}

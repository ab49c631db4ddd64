package com.b2bflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing out in a Camunda webapp ({@code POST /camunda/api/admin/auth/user/{engine}/logout}) signs out of
 * everything: once Camunda has accepted the request (its own CSRF check included), the Spring Security sign-in ends
 * as at {@code /store/logout}, with the same logout handlers, and the session is invalidated. Otherwise the webapps
 * would sign the staff member straight back in from the still signed-in storefront session.
 */
class WebappSignOut extends OncePerRequestFilter {

    private final List<LogoutHandler> handlers;

    WebappSignOut(List<LogoutHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/logout");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        chain.doFilter(request, response);
        if (response.getStatus() < 300) {
            handlers.forEach(handler -> handler.logout(request, response, signedIn));
            new SecurityContextLogoutHandler().logout(request, response, signedIn);
        }
    }
}

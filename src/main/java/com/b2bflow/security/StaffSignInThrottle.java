package com.b2bflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-address sign-in throttle of {@link LoginThrottle} on the way staff sign in outside Spring Security: HTTP
 * Basic on {@code /engine-rest} (the Camunda webapps take the storefront's sign-in, which the throttle covers
 * already). A request from an address with too many failed sign-ins is answered 429 before any password
 * is checked; a 401 answer counts as a failed sign-in of the address.
 */
class StaffSignInThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    StaffSignInThrottle(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/engine-rest/") || request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (throttle.isThrottled(address)) {
            TooManyRequests.write(
                    request, response, json, "Too many failed sign-ins from your address; try again later", 60);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failedFrom(address);
        }
    }
}

package com.b2bflow.security;

import com.b2bflow.staff.StaffGroups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the sign-in leads: back to the page that was asked for (a storefront, staff or Camunda webapp page, with the
 * fragment of a Tasklist task link), else buyers to My Account, customer service representatives to the Customer
 * Service page, other staff to their home; failures say why.
 */
class LoginOutcomeHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** The sign-in form's hidden field that carries the fragment of the page asked for. */
    static final String FRAGMENT = "fragment";

    private static final List<String> RESUMABLE = List.of("/store/", "/staff/", "/camunda/app/");
    private static final Pattern SAFE_FRAGMENT = Pattern.compile("#/[A-Za-z0-9/?=&._~%:-]{0,200}");

    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = requestCache.getRequest(request, response);
        String target = home(authentication);
        if (saved instanceof DefaultSavedRequest page && resumable(pathInApplication(page))) {
            requestCache.removeRequest(request, response);
            // the saved request is used up here, so the address needs no "continue" marker for the request cache
            target = UriComponentsBuilder.fromUriString(page.getRedirectUrl())
                            .replaceQueryParam("continue")
                            .toUriString()
                    + fragment(request.getParameter(FRAGMENT));
        }
        response.sendRedirect(target.startsWith("/") ? request.getContextPath() + target : target);
    }

    static String home(Authentication authentication) {
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return staff.groups().contains(StaffGroups.CUSTOMER_SERVICE) ? "/store/customer-service" : "/store/staff";
        }
        return "/store/account";
    }

    /** Pages of the application a sign-in may lead back to: storefront, staff pages and the Camunda webapps. */
    static boolean resumable(String pathInApplication) {
        return RESUMABLE.stream().anyMatch(pathInApplication::startsWith);
    }

    private static String pathInApplication(DefaultSavedRequest page) {
        String contextPath = page.getContextPath() == null ? "" : page.getContextPath();
        return page.getRequestURI().substring(contextPath.length());
    }

    /**
     * The part after {@code #} of the page asked for, which the browser keeps but never sends: the sign-in page's
     * script copies it into the form (a Tasklist link names its task there). Only a route of the webapps' kind
     * ({@code #/...}) with harmless characters is appended; anything else is dropped.
     */
    static String fragment(String fragment) {
        return fragment != null && SAFE_FRAGMENT.matcher(fragment).matches() ? fragment : "";
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof AccountNotUsableException notUsable
                ? notUsable.reason().name().toLowerCase()
                : exception instanceof LoginThrottledException ? "throttled" : "bad-credentials";
        response.sendRedirect(request.getContextPath() + "/store/login?error=" + code);
    }
}

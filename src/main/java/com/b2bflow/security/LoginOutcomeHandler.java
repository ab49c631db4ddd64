package com.b2bflow.security;

import com.b2bflow.staff.StaffGroups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Where the storefront sign-in leads: buyers to My Account, customer service representatives to the Customer
 * Service page, other staff to their home; failures say why, and hand the sign-in page (as flash attributes, never in
 * the address) the logon ID typed, to keep it in the field, and when a lock ends.
 */
class LoginOutcomeHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = requestCache.getRequest(request, response);
        String target = "/store/account";
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            target = staff.groups().contains(StaffGroups.CUSTOMER_SERVICE) ? "/store/customer-service" : "/store/staff";
        }
        if (saved != null && saved.getRedirectUrl().contains("/store/")) {
            requestCache.removeRequest(request, response);
            target = saved.getRedirectUrl();
        }
        response.sendRedirect(target.startsWith("/") ? request.getContextPath() + target : target);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof AccountNotUsableException notUsable
                ? notUsable.reason().name().toLowerCase()
                : exception instanceof AccountLockedException
                        ? "locked"
                        : exception instanceof LoginThrottledException ? "throttled" : "bad-credentials";
        FlashMap kept = new FlashMap();
        kept.put("logonId", request.getParameter("logonId"));
        if (exception instanceof AccountLockedException locked) {
            kept.put("lockedUntil", locked.until());
        }
        kept.setTargetRequestPath(request.getContextPath() + "/store/login");
        flashMaps.saveOutputFlashMap(kept, request, response);
        response.sendRedirect(request.getContextPath() + "/store/login?error=" + code);
    }
}

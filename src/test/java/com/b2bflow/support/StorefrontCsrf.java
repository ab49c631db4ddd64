package com.b2bflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A real CSRF token for a MockMvc request to the storefront: the {@code XSRF-TOKEN} cookie the application issues
 * on a GET, sent back as cookie and {@code X-XSRF-TOKEN} header, as the storefront's script does. Unlike
 * spring-security-test's {@code csrf()}, which swaps the token repository inside the shared context's live filter
 * for good, this leaves the application as production configures it, whatever the order of test classes.
 */
public final class StorefrontCsrf {

    public static final String COOKIE = "XSRF-TOKEN";
    public static final String HEADER = "X-XSRF-TOKEN";

    private StorefrontCsrf() {}

    public static RequestPostProcessor token(MockMvc mvc) {
        Cookie issued;
        try {
            issued = mvc.perform(get("/api/me")).andReturn().getResponse().getCookie(COOKIE);
        } catch (Exception e) {
            throw new IllegalStateException("GET /api/me for a CSRF token failed", e);
        }
        assertThat(issued).as("the %s cookie issued on GET /api/me", COOKIE).isNotNull();
        Cookie token = new Cookie(COOKIE, issued.getValue());
        return request -> {
            List<Cookie> cookies = new ArrayList<>();
            if (request.getCookies() != null) {
                Arrays.stream(request.getCookies())
                        .filter(c -> !COOKIE.equals(c.getName()))
                        .forEach(cookies::add);
            }
            cookies.add(token);
            request.setCookies(cookies.toArray(Cookie[]::new));
            request.addHeader(HEADER, token.getValue());
            return request;
        };
    }
}

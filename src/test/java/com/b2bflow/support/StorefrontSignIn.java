package com.b2bflow.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The storefront's sign-in form as a browser posts it, with a real CSRF token ({@link StorefrontCsrf}); unlike
 * spring-security-test's {@code formLogin()}, which brings its {@code csrf()} along.
 */
public final class StorefrontSignIn {

    private StorefrontSignIn() {}

    public static MockHttpServletRequestBuilder form(MockMvc mvc, String logonId, String password) {
        return post("/store/login")
                .param("logonId", logonId)
                .param("logonPassword", password)
                .with(StorefrontCsrf.token(mvc));
    }
}

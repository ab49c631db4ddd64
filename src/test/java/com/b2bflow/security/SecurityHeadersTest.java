package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Security headers of the storefront, session cookie attributes and a new session id at sign-in. */
@IntegrationTest
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @LocalServerPort
    int port;

    @Test
    void storefrontPagesCarryTheContentSecurityPolicyAndTheOtherHeaders() throws Exception {
        mvc.perform(get("/store/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/store/login").secure(true))
                .andExpect(header().string(
                                "Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=31536000")));
        mvc.perform(get("/store/register/organization"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }

    @Test
    void theCamundaWebappsGetNoContentSecurityPolicyOfOurs() throws Exception {
        MvcResult tasklist = mvc.perform(get("/camunda/app/tasklist/")).andReturn();
        assertThat(tasklist.getResponse().getHeaders("Content-Security-Policy"))
                .doesNotContain(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(tasklist.getResponse().getHeader("Permissions-Policy")).isNull();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverLocalHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/store/account"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String sessionCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(sessionCookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        User user = SignInUsers.approved(organizations, users, passwordEncoder);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/store/login").session(session)).andExpect(status().isOk());
        String before = session.getId();
        MvcResult signedIn = mvc.perform(post("/store/login")
                        .param("logonId", user.getLogonId())
                        .param("logonPassword", SignInUsers.PASSWORD)
                        .with(StorefrontCsrf.token(mvc))
                        .session(session))
                .andExpect(redirectedUrl("/store/account"))
                .andReturn();
        assertThat(signedIn.getRequest().getSession(false)).isNotNull();
        assertThat(signedIn.getRequest().getSession(false).getId()).isNotEqualTo(before);
    }
}

package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.b2bflow.staff.StaffGroups;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.LoopbackHttp;
import com.b2bflow.support.TestStaff;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff sign-ins are throttled per client address on every way in (Camunda webapps' login, HTTP Basic on
 * /engine-rest, the storefront), counted together; wrong passwords from some addresses never lock the staff member
 * out for another address (Camunda's own login delay and lock are off). Real HTTP from 127.0.0.x loopback addresses.
 */
@IntegrationTest
@LowSecurityLimits
class StaffSignInThrottleTest {

    static final String PASSWORD = "Staff-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    MockMvc mvc;

    String staff;

    @BeforeEach
    void aSellerAdministrator() {
        staff = TestStaff.create(identity, "throttled", PASSWORD, StaffGroups.SELLER_ADMINS);
    }

    @Test
    void wrongPasswordsOnEngineRestStopThatAddressButNotTheStaffMember() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(engineRest("127.0.0.2", "wrong").status()).isEqualTo(401);
        }
        LoopbackHttp.Response refused = engineRest("127.0.0.2", PASSWORD);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");

        assertThat(engineRest("127.0.0.1", PASSWORD).status())
                .as("the same staff member elsewhere, at once")
                .isEqualTo(200);
        assertThat(webappLogin("127.0.0.1", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theWebappLoginAndTheStorefrontShareTheAddressThrottle() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(webappLogin("127.0.0.3", "wrong").status()).isEqualTo(401);
        }
        assertThat(webappLogin("127.0.0.3", PASSWORD).status()).isEqualTo(429);
        assertThat(engineRest("127.0.0.3", PASSWORD).status()).isEqualTo(429);
        mvc.perform(post("/store/login")
                        .param("logonId", staff)
                        .param("logonPassword", PASSWORD)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("127.0.0.3");
                            return request;
                        }))
                .andExpect(redirectedUrl("/store/login?error=throttled"));
        mvc.perform(post("/store/login")
                        .param("logonId", staff)
                        .param("logonPassword", PASSWORD)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("127.0.0.4");
                            return request;
                        }))
                .andExpect(redirectedUrl("/store/staff"));
    }

    /** Camunda would lock the user for good after 10 failures (and for seconds after each): not any more. */
    @Test
    void manyWrongPasswordsFromManyAddressesDoNotLockTheStaffMember() throws Exception {
        for (int address = 10; address < 14; address++) {
            for (int i = 0; i < 3; i++) {
                assertThat(webappLogin("127.0.0." + address, "wrong").status()).isEqualTo(401);
            }
        }
        assertThat(webappLogin("127.0.0.1", PASSWORD).status()).isEqualTo(200);
        assertThat(identity.checkPassword(staff, PASSWORD)).isTrue();
    }

    private LoopbackHttp.Response engineRest(String from, String password) throws Exception {
        return LoopbackHttp.send(
                from,
                port,
                "GET",
                "/engine-rest/task/count",
                Map.of(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((staff + ":" + password).getBytes(StandardCharsets.UTF_8))),
                null);
    }

    /** As the Tasklist login page does it: a GET for the webapps' CSRF token and session, then the login POST. */
    private LoopbackHttp.Response webappLogin(String from, String password) throws Exception {
        LoopbackHttp.Response page =
                LoopbackHttp.send(from, port, "GET", "/camunda/api/admin/auth/user/default", Map.of(), null);
        String token = page.header("X-XSRF-TOKEN");
        assertThat(token).as("the webapps' CSRF token").isNotBlank();
        return LoopbackHttp.send(
                from,
                port,
                "POST",
                "/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-XSRF-TOKEN",
                        token,
                        "Cookie",
                        page.cookies()),
                "username=" + URLEncoder.encode(staff, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
}

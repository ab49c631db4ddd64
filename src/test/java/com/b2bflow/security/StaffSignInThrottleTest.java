package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.b2bflow.staff.StaffGroups;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.LoopbackHttp;
import com.b2bflow.support.StaffWebSession;
import com.b2bflow.support.StorefrontCsrf;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff sign-ins are throttled per client address on every way in (the storefront's sign-in, which is also the
 * Camunda webapps', and HTTP Basic on /engine-rest), counted together; wrong passwords from some addresses never lock the staff member
 * out for another address (Camunda's own login delay and lock are off). Real HTTP from 127.0.0.x loopback addresses.
 */
@IntegrationTest
// not the low-limits context: the webapps' refused login is a POST, and that context allows 3 POSTs per address
@TestPropertySource(
        properties = {"app.security.lockout.address-max-failures=3", "app.security.lockout.address-window=PT10M"})
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
        assertThat(storefrontSignIn("127.0.0.1", PASSWORD).header("Location")).endsWith("/store/staff");
    }

    @Test
    void engineRestAndTheStorefrontShareTheAddressThrottle() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(engineRest("127.0.0.3", "wrong").status()).isEqualTo(401);
        }
        assertThat(engineRest("127.0.0.3", PASSWORD).status()).isEqualTo(429);
        mvc.perform(post("/store/login")
                        .param("logonId", staff)
                        .param("logonPassword", PASSWORD)
                        .with(StorefrontCsrf.token(mvc))
                        .with(request -> {
                            request.setRemoteAddr("127.0.0.3");
                            return request;
                        }))
                .andExpect(redirectedUrl("/store/login?error=throttled"));
        mvc.perform(post("/store/login")
                        .param("logonId", staff)
                        .param("logonPassword", PASSWORD)
                        .with(StorefrontCsrf.token(mvc))
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
                assertThat(storefrontSignIn("127.0.0." + address, "wrong").header("Location"))
                        .endsWith("error=bad-credentials");
            }
        }
        assertThat(storefrontSignIn("127.0.0.1", PASSWORD).header("Location")).endsWith("/store/staff");
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

    /**
     * The Camunda webapps' own login is no way in (one sign-in for staff, on the storefront): refused before any
     * password is checked, so it neither signs in nor counts against the address.
     */
    @Test
    void theWebappsOwnLoginIsRefused() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(webappLogin("127.0.0.5", PASSWORD).status()).isEqualTo(401);
        }
        assertThat(engineRest("127.0.0.5", PASSWORD).status()).isEqualTo(200);
    }

    private LoopbackHttp.Response storefrontSignIn(String from, String password) throws Exception {
        return StaffWebSession.signIn(from, port, staff, password).lastSignIn();
    }

    private LoopbackHttp.Response webappLogin(String from, String password) throws Exception {
        return LoopbackHttp.send(
                from,
                port,
                "POST",
                "/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "username=" + URLEncoder.encode(staff, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
}

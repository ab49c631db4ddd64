package com.b2bflow.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontCsrf;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Per client address: after a few failed sign-ins (3 here) every sign-in from that address is refused for a while. */
@IntegrationTest
@LowSecurityLimits
class LoginAddressThrottleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void manyFailuresFromOneAddressStopSignInsFromItButNotFromOthers() throws Exception {
        User user = SignInUsers.approved(organizations, users, passwordEncoder);
        for (int i = 1; i <= 3; i++) {
            signIn("nobody-" + SignInUsers.suffix(), "wrong", "10.0.0.7")
                    .andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        }
        signIn(user.getLogonId(), SignInUsers.PASSWORD, "10.0.0.7")
                .andExpect(redirectedUrl("/store/login?error=throttled"));
        signIn(user.getLogonId(), SignInUsers.PASSWORD, "10.0.0.8").andExpect(redirectedUrl("/store/account"));
        mvc.perform(get("/store/login").param("error", "throttled"))
                .andExpect(content().string(Matchers.containsString("Too many failed sign-ins from your network")));
    }

    private ResultActions signIn(String logonId, String password, String address) throws Exception {
        return mvc.perform(post("/store/login")
                .param("logonId", logonId)
                .param("logonPassword", password)
                .with(StorefrontCsrf.token(mvc))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }
}

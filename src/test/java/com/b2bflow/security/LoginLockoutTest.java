package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.HumanFormat;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontSignIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Five failed sign-ins in a row lock a storefront account for 15 minutes; staff can unlock it. */
@IntegrationTest
class LoginLockoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuditEventRepository audit;

    @Test
    void fiveFailuresLockTheAccountAndOnlyTheRightPasswordLearnsOfTheLockAndWhenItEnds() throws Exception {
        User user = SignInUsers.approved(organizations, users, passwordEncoder);
        Instant before = Instant.now();
        for (int i = 1; i <= 5; i++) {
            signIn(user.getLogonId(), "wrong-" + i).andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        }
        User locked = users.findById(user.getId()).orElseThrow();
        assertThat(locked.getLockedUntil())
                .isBetween(before.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(audit.findAll())
                .filteredOn(event -> event.getAction().equals("ACCOUNT_LOCKED")
                        && event.getTargetId().equals(String.valueOf(user.getId())))
                .hasSize(1);

        signIn(user.getLogonId(), "wrong-again")
                .andExpect(redirectedUrl("/store/login?error=bad-credentials"))
                .andExpect(unauthenticated());
        assertThat(users.findById(user.getId()).orElseThrow().getLockedUntil())
                .as("failures while locked neither count nor extend the lock")
                .isEqualTo(locked.getLockedUntil());
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            MvcResult rightPassword = signIn(user.getLogonId(), SignInUsers.PASSWORD)
                    .andExpect(redirectedUrl("/store/login?error=locked"))
                    .andExpect(unauthenticated())
                    .andReturn();
            // the sign-in page the browser is sent to, in the same session: the flash attributes arrive there
            String page = mvc.perform(get("/store/login")
                            .param("error", "locked")
                            .locale(language)
                            .session(
                                    (MockHttpSession) rightPassword.getRequest().getSession()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .as("the lock, when it ends, and the logon ID kept in the field")
                    .contains("id=\"login-locked\"")
                    .contains(language == Locale.GERMAN ? "gesperrt" : "locked after too many failed sign-ins")
                    .contains(new HumanFormat(language, HumanFormat.DEFAULT_ZONE).dateTime(locked.getLockedUntil()))
                    .contains("value=\"" + user.getLogonId() + "\"");
        }
    }

    @Test
    void theLockEndsByItselfAfterItsTime() throws Exception {
        User user = SignInUsers.approved(organizations, users, passwordEncoder);
        for (int i = 1; i <= 5; i++) {
            signIn(user.getLogonId(), "wrong-" + i);
        }
        User locked = users.findById(user.getId()).orElseThrow();
        assertThat(locked.isLocked(Instant.now())).isTrue();
        assertThat(locked.isLocked(Instant.now().plus(Duration.ofMinutes(16)))).isFalse();
    }

    @Test
    void staffUnlockTheAccountAndItIsAudited() throws Exception {
        User user = SignInUsers.approved(organizations, users, passwordEncoder);
        for (int i = 1; i <= 5; i++) {
            signIn(user.getLogonId(), "wrong-" + i);
        }
        mvc.perform(post("/api/staff/users/{id}/unlock", user.getId())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/staff/users/{id}/unlock", user.getId()).with(httpBasic("backoffice", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/staff/users/{id}/unlock", user.getId()).with(httpBasic("seller-admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/staff/users/{id}/unlock", 987654321L).with(httpBasic("site-admin", "demo")))
                .andExpect(status().isNotFound());

        User unlocked = users.findById(user.getId()).orElseThrow();
        assertThat(unlocked.getLockedUntil()).isNull();
        assertThat(unlocked.getFailedLoginCount()).isZero();
        assertThat(audit.findAll())
                .filteredOn(event -> event.getAction().equals("ACCOUNT_UNLOCKED")
                        && event.getTargetId().equals(String.valueOf(user.getId())))
                .extracting(AuditEvent::getActor)
                .containsExactly("seller-admin");
        signIn(user.getLogonId(), SignInUsers.PASSWORD).andExpect(redirectedUrl("/store/account"));
    }

    @Test
    void fewerFailuresThanTheLimitDoNotLock() throws Exception {
        User user = SignInUsers.approved(organizations, users, passwordEncoder);
        for (int i = 1; i <= 4; i++) {
            signIn(user.getLogonId(), "wrong-" + i);
        }
        signIn(user.getLogonId(), SignInUsers.PASSWORD).andExpect(redirectedUrl("/store/account"));
        assertThat(users.findById(user.getId()).orElseThrow().getFailedLoginCount())
                .isZero();
    }

    private ResultActions signIn(String logonId, String password) throws Exception {
        return mvc.perform(StorefrontSignIn.form(mvc, logonId, password));
    }
}

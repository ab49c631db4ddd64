package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.StorefrontSignIn;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

/** Storefront sign-in: where each kind of account lands, what a refusal says, and what is recorded. */
@IntegrationTest
class SignInTest {

    private static final String PASSWORD = "Secret-pass1";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    MessageSource messages;

    @Autowired
    IdentityService identity;

    Organization organization;

    @BeforeEach
    void organization() {
        organization = organizations.saveAndFlush(new Organization(
                "Sign-in Org " + suffix(),
                organizations.findById(RegistrationParents.ROOT_ORGANIZATION_ID).orElseThrow(),
                OrganizationType.O,
                ApprovalState.APPROVED));
    }

    @Test
    void anApprovedEnabledUserLandsOnMyAccount() throws Exception {
        User user = user(ApprovalState.APPROVED, true);

        signIn(user.getLogonId(), PASSWORD)
                .andExpect(redirectedUrl("/store/account"))
                .andExpect(authenticated().withUsername(user.getLogonId()))
                .andExpect(authenticated()
                        .withAuthentication(authentication -> org.assertj.core.api.Assertions.assertThat(
                                        ((com.b2bflow.security.BuyerPrincipal) authentication.getPrincipal())
                                                .getPassword())
                                .as("no password hash kept in the session")
                                .isNull()));
    }

    @Test
    void logonIdIsCaseInsensitive() throws Exception {
        User user = user(ApprovalState.APPROVED, true);

        signIn(user.getLogonId().toUpperCase(), PASSWORD).andExpect(redirectedUrl("/store/account"));
    }

    @Test
    void aPendingUserIsToldTheRegistrationAwaitsApproval() throws Exception {
        User user = user(ApprovalState.PENDING, false);

        signIn(user.getLogonId(), PASSWORD)
                .andExpect(redirectedUrl("/store/login?error=pending"))
                .andExpect(unauthenticated());

        String pending = messages.getMessage("login.error.pending", null, java.util.Locale.ENGLISH);
        assertThat(pending).startsWith("Your registration is waiting for approval");
        mvc.perform(get("/store/login").param("error", "pending"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(HtmlUtils.htmlEscape(pending))));
    }

    @Test
    void aRejectedUserIsToldSo() throws Exception {
        User user = user(ApprovalState.REJECTED, false);

        signIn(user.getLogonId(), PASSWORD)
                .andExpect(redirectedUrl("/store/login?error=rejected"))
                .andExpect(unauthenticated());
    }

    @Test
    void aDisabledUserIsToldSo() throws Exception {
        User user = user(ApprovalState.APPROVED, false);

        signIn(user.getLogonId(), PASSWORD)
                .andExpect(redirectedUrl("/store/login?error=disabled"))
                .andExpect(unauthenticated());
        mvc.perform(get("/store/login").param("error", "disabled"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(HtmlUtils.htmlEscape(
                                messages.getMessage("login.error.disabled", null, java.util.Locale.ENGLISH)))));
    }

    @Test
    void theStateIsNotRevealedWithoutThePassword() throws Exception {
        User pending = user(ApprovalState.PENDING, false);
        User rejected = user(ApprovalState.REJECTED, false);

        signIn(pending.getLogonId(), "wrong-password").andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        signIn(rejected.getLogonId(), "wrong-password").andExpect(redirectedUrl("/store/login?error=bad-credentials"));
    }

    @Test
    void anUnknownUserGetsBadCredentials() throws Exception {
        signIn("nobody-" + suffix(), PASSWORD)
                .andExpect(redirectedUrl("/store/login?error=bad-credentials"))
                .andExpect(unauthenticated());
    }

    @Test
    void anUnknownErrorCodeShowsTheBadCredentialsMessage() throws Exception {
        mvc.perform(get("/store/login").param("error", "whatever"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(HtmlUtils.htmlEscape(
                                messages.getMessage("login.error.bad-credentials", null, java.util.Locale.ENGLISH)))));
    }

    @Test
    void staffSignInWithTheirCamundaCredentialsAndLandOnTheStaffHome() throws Exception {
        signIn("seller-admin", "demo")
                .andExpect(redirectedUrl("/store/staff"))
                .andExpect(authenticated()
                        .withUsername("seller-admin")
                        .withAuthorities(java.util.List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("STAFF"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                        "GROUP_seller-admins"))));
    }

    /**
     * A wrong staff password is refused like any other. Not tried on a demo user: Camunda identity locks a user
     * for a few seconds after a failed password check, which would fail the next test that signs in as them.
     */
    @Test
    void aWrongStaffPasswordIsRefused() throws Exception {
        String staffId = "staff-" + suffix();
        org.camunda.bpm.engine.identity.User staff = identity.newUser(staffId);
        staff.setLastName("Temporary");
        staff.setEmail(staffId + "@staff.example.com");
        staff.setPassword("right-password");
        identity.saveUser(staff);
        try {
            signIn(staffId, "right-password").andExpect(redirectedUrl("/store/staff"));
            signIn(staffId, "wrong")
                    .andExpect(redirectedUrl("/store/login?error=bad-credentials"))
                    .andExpect(unauthenticated());
        } finally {
            identity.deleteUser(staffId);
        }
    }

    @Test
    void theApiNeedsASignedInUser() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void failedSignInsAreCountedAndASuccessfulOneResetsTheCount() throws Exception {
        User user = user(ApprovalState.APPROVED, true);
        Instant before = Instant.now();

        signIn(user.getLogonId(), "wrong-1").andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        signIn(user.getLogonId(), "wrong-2").andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        User afterFailures = users.findById(user.getId()).orElseThrow();
        assertThat(afterFailures.getFailedLoginCount()).isEqualTo(2);
        assertThat(afterFailures.getLastLoginAt()).isNull();

        signIn(user.getLogonId(), PASSWORD).andExpect(redirectedUrl("/store/account"));
        User afterSuccess = users.findById(user.getId()).orElseThrow();
        assertThat(afterSuccess.getFailedLoginCount()).isZero();
        assertThat(afterSuccess.getLastLoginAt())
                .isNotNull()
                .isBetween(before.minus(Duration.ofSeconds(1)), Instant.now().plus(Duration.ofSeconds(1)));
    }

    private ResultActions signIn(String logonId, String password) throws Exception {
        return mvc.perform(StorefrontSignIn.form(mvc, logonId, password));
    }

    private User user(ApprovalState state, boolean enabled) {
        String logonId = "buyer-" + suffix() + "@example.com";
        User user = new User(logonId, organization, ProfileType.B);
        user.setEmail(logonId);
        user.setFirstName("Test");
        user.setLastName("Buyer");
        user.setPasswordHash(passwordEncoder.encode(PASSWORD));
        user.setRegistrationState(state);
        user.setEnabled(enabled);
        return users.saveAndFlush(user);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

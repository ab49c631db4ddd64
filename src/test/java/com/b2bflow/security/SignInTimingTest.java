package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No account enumeration through sign-in timing: an unknown logon ID still costs a bcrypt check (Spring's
 * DaoAuthenticationProvider compares against a dummy hash), so it takes about as long as a wrong password for a
 * known one. Compares medians of 10 attempts each, within a factor of 3, never absolute times.
 */
@IntegrationTest
class SignInTimingTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationRepository organizations;
    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    @Test
    void anUnknownLogonIdTakesAboutAsLongAsAWrongPasswordForAKnownOne() throws Exception {
        User known = SignInUsers.approved(organizations, users, passwordEncoder);
        for (int i = 0; i < 3; i++) {
            attempt("warm-up-" + SignInUsers.suffix());
        }
        long[] unknown = new long[10];
        long[] wrongPassword = new long[10];
        for (int i = 0; i < 10; i++) {
            unknown[i] = attempt("nobody-" + SignInUsers.suffix() + "@example.com");
            wrongPassword[i] = attempt(known.getLogonId());
        }
        long unknownMedian = median(unknown);
        long knownMedian = median(wrongPassword);
        assertThat(unknownMedian).as("unknown %d ns vs known %d ns", unknownMedian, knownMedian)
                .isLessThanOrEqualTo(knownMedian * 3).isGreaterThanOrEqualTo(knownMedian / 3);
    }

    private long attempt(String logonId) throws Exception {
        long start = System.nanoTime();
        mvc.perform(formLogin("/store/login").userParameter("logonId").passwordParam("logonPassword")
                .user(logonId).password("Wrong-password-1")).andExpect(redirectedUrl("/store/login?error=bad-credentials"));
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}

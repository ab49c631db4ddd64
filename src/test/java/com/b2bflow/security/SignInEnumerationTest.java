package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * No account enumeration through sign-in timing: an unknown logon ID costs a bcrypt check just as a wrong password
 * for a known one does (Spring's DaoAuthenticationProvider compares against a dummy hash), and both get the same
 * answer. Counted, not timed: the storefront's provider, with the application's user lookup, lockout and password
 * encoder, counts the encoder's bcrypt comparisons. How long they take is the benchmarks' business.
 */
@IntegrationTest
class SignInEnumerationTest {

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    BuyerUserDetailsService buyers;

    @Autowired
    LoginThrottle throttle;

    @Test
    void anUnknownLogonIdCostsTheSameBcryptCheckAsAWrongPasswordForAKnownOne() {
        User known = SignInUsers.approved(organizations, users, passwordEncoder);
        CountingEncoder encoder = new CountingEncoder(passwordEncoder);
        BuyerAuthenticationProvider provider = new BuyerAuthenticationProvider(buyers, encoder, throttle);
        refusal(provider, "warm-up-" + SignInUsers.suffix()); // the first unknown logon ID encodes the dummy hash
        encoder.checks.set(0);

        String unknownAnswer = refusal(provider, "nobody-" + SignInUsers.suffix() + "@example.com");
        int unknownChecks = encoder.checks.getAndSet(0);
        String knownAnswer = refusal(provider, known.getLogonId());
        int knownChecks = encoder.checks.getAndSet(0);

        assertThat(unknownChecks).as("bcrypt checks for an unknown logon ID").isEqualTo(1);
        assertThat(knownChecks).as("bcrypt checks for a wrong password").isEqualTo(1);
        assertThat(unknownAnswer).isEqualTo(knownAnswer);
    }

    private static String refusal(BuyerAuthenticationProvider provider, String logonId) {
        try {
            provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(logonId, "Wrong-password-1"));
            throw new AssertionError("signed in with a wrong password");
        } catch (BadCredentialsException refused) {
            return refused.getMessage();
        }
    }

    /** The application's encoder, counting its comparisons. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    }
}

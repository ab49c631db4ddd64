package com.b2bflow.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Storefront users by logon id and bcrypt hash. The account's state is checked only after the password (so it
 * does not leak), and the principal kept in the session carries no password hash.
 */
class BuyerAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    BuyerAuthenticationProvider(
            BuyerUserDetailsService buyers, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        super(buyers);
        this.throttle = throttle;
        setPasswordEncoder(passwordEncoder);
        setPreAuthenticationChecks(details -> {});
        setPostAuthenticationChecks(new BuyerAccountStatusCheck());
    }

    /**
     * The password is checked first (so a locked account costs the same bcrypt time), then the lock: with a wrong
     * password a locked account gets the same answer as any wrong password; only the right password learns of the
     * lock and when it ends, as it learns of a pending or disabled account (docs/security.md, account enumeration).
     */
    @Override
    protected void additionalAuthenticationChecks(
            UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        super.additionalAuthenticationChecks(user, authentication);
        throttle.lockedUntil(((BuyerPrincipal) user).userId()).ifPresent(until -> {
            throw new AccountLockedException(until);
        });
    }

    @Override
    protected Authentication createSuccessAuthentication(
            Object principal, Authentication authentication, UserDetails user) {
        return super.createSuccessAuthentication(
                ((BuyerPrincipal) principal).withoutPasswordHash(), authentication, user);
    }
}

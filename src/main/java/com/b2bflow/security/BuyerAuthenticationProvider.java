package com.b2bflow.security;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Storefront users by logon id and bcrypt hash. The account's state is checked only after the password (so it
 * does not leak), and the principal kept in the session carries no password hash.
 */
class BuyerAuthenticationProvider extends DaoAuthenticationProvider {

    BuyerAuthenticationProvider(BuyerUserDetailsService buyers, PasswordEncoder passwordEncoder) {
        super(buyers);
        setPasswordEncoder(passwordEncoder);
        setPreAuthenticationChecks(details -> { });
        setPostAuthenticationChecks(new BuyerAccountStatusCheck());
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        return super.createSuccessAuthentication(((BuyerPrincipal) principal).withoutPasswordHash(), authentication,
                user);
    }
}

package com.b2bflow.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many failed sign-ins from this client address. An {@link AccountStatusException} so that the provider
 * manager stops at once instead of trying the next provider. It says nothing about any account.
 */
class LoginThrottledException extends AccountStatusException {

    LoginThrottledException() {
        super("Too many failed sign-ins from this address; try again later");
    }
}

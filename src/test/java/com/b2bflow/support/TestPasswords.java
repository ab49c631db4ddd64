package com.b2bflow.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The stored hash of {@link TestRegistrations#PASSWORD} for users that tests create directly: a real bcrypt hash in
 * the product's format ({@code {bcrypt}...}), checked by the product's own encoder at every sign-in, but with cost
 * 4 instead of the product's 10. A sign-in then costs about 1 ms of hashing instead of about 70 ms; the authorization
 * matrix alone signs in some 400 times. Users that register through the product get its own cost.
 */
public final class TestPasswords {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestRegistrations.PASSWORD);

    private TestPasswords() {}

    public static String hash() {
        return HASH;
    }
}

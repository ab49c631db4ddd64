package com.b2bflow.activation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tokens of one-time links (activation, password reset, invitations): 32 random bytes, URL-safe, of which only the SHA-256 is
 * stored, so that a reader of the database cannot use a link. The raw token exists only in the mail.
 */
public final class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 128;

    private OneTimeTokens() {}

    /** A new raw token, for the link in the mail only: never log it, never put it in a variable or the audit. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token, lower-case hex: what is stored. */
    public static String hash(String rawToken) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The hash to look a presented token up by; empty for a blank or over-long one, which matches nothing. */
    public static Optional<String> lookupHash(String rawToken) {
        if (rawToken == null || rawToken.isBlank() || rawToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(hash(rawToken.strip()));
    }
}

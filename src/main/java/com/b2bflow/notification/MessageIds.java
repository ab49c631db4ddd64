package com.b2bflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Message-ID of a mail, derived from what it is (its notification key and recipient) instead of drawn at
 * random. Delivery is at least once: when the SMTP server accepted a mail but the record of it could not be
 * written (the database went away, the node died), the retry sends it again. With the same Message-ID the second
 * copy is the same message to the recipient's mail system (RFC 5322 3.6.4), and mailboxes that collapse
 * duplicates show it once.
 */
final class MessageIds {

    private MessageIds() {}

    /** {@code <hash@domain>}: a hash of {@code key}, and the domain of the sender address {@code from}. */
    static String of(String key, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 || at == from.length() - 1 ? "b2b.invalid" : from.substring(at + 1);
        return "<" + HexFormat.of().formatHex(sha256(key), 0, 16) + "@" + domain + ">";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

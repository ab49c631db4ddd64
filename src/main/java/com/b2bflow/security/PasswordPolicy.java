package com.b2bflow.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The password rule: 12 to 64 characters (at most 72 bytes, bcrypt's limit), not containing the logon ID, and
 * not only one repeated character.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    public static final String RULE = "Use 12 to 64 characters that do not contain your logon ID";

    public List<String> problems(String password, String logonId) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Choose a password. " + RULE + ".");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            problems.add("The password must be 12 to 64 characters long.");
        }
        if (logonId != null && logonId.strip().length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(logonId.strip().toLowerCase(Locale.ROOT))) {
            problems.add("The password must not contain your logon ID.");
        }
        if (password.chars().distinct().count() == 1) {
            problems.add("The password must not repeat a single character.");
        }
        return problems;
    }
}

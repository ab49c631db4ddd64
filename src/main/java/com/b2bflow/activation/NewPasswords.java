package com.b2bflow.activation;

import com.b2bflow.member.User;
import com.b2bflow.security.PasswordPolicy;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A password chosen through a one-time link (activation or reset) or on My Account: checked against the policy, then
 * stored hashed.
 */
@Component
class NewPasswords {

    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;

    NewPasswords(PasswordPolicy policy, PasswordEncoder encoder) {
        this.policy = policy;
        this.encoder = encoder;
    }

    /** 400 on field {@code password}, one problem per rule the password breaks. */
    void requireAcceptable(User user, String password) {
        requireAcceptable(user, password, "password");
    }

    /** 400 on the named field, one problem per rule the password breaks. */
    void requireAcceptable(User user, String password, String field) {
        List<FieldProblem> problems = policy
                .problems(
                        password,
                        user.getLogonId(),
                        user.getEmail(),
                        user.getOrganization() == null
                                ? null
                                : user.getOrganization().getName())
                .stream()
                .map(message -> new FieldProblem(field, message))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
    }

    /** Whether the password is the user's current one. */
    boolean isCurrent(User user, String password) {
        return password != null && user.getPasswordHash() != null && encoder.matches(password, user.getPasswordHash());
    }

    void set(User user, String password) {
        user.setPasswordHash(encoder.encode(password));
    }
}

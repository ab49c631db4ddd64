package com.b2bflow.activation;

import com.b2bflow.member.User;
import com.b2bflow.security.PasswordPolicy;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** A password chosen through a one-time link (activation or reset): checked against the policy, then stored hashed. */
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
        List<FieldProblem> problems = policy
                .problems(
                        password,
                        user.getLogonId(),
                        user.getEmail(),
                        user.getOrganization() == null
                                ? null
                                : user.getOrganization().getName())
                .stream()
                .map(message -> new FieldProblem("password", message))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
    }

    void set(User user, String password) {
        user.setPasswordHash(encoder.encode(password));
    }
}

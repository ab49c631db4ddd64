package com.b2bflow.registration;

import com.b2bflow.security.PasswordPolicy;
import com.b2bflow.shared.ConstraintProblems;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The validation every entry point gets: field constraints, no control characters in text, the password rule and
 * its confirmation; the user's last name and email unless the request came through HCL's URLs.
 */
@Component
public class RegistrationValidator {

    private final Validator validator;
    private final PasswordPolicy passwordPolicy;
    private final Texts texts;

    public RegistrationValidator(Validator validator, PasswordPolicy passwordPolicy, Texts texts) {
        this.validator = validator;
        this.passwordPolicy = passwordPolicy;
        this.texts = texts;
    }

    /** Throws {@link InvalidRegistrationException} listing every problem at once. */
    public void validate(RegistrationRequest request, boolean passwordRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        Class<?>[] groups = request.hcl() == null
                ? new Class<?>[] {Default.class, UserData.ContactRequired.class}
                : new Class<?>[] {Default.class};
        problems.addAll(ConstraintProblems.of(validator.validate(request, groups)));
        UserData user = request.user();
        if (user != null && (passwordRequired || user.password() != null)) {
            passwordPolicy
                    .problems(
                            user.password(),
                            user.logonId(),
                            user.email(),
                            request.organization() == null
                                    ? null
                                    : request.organization().name())
                    .forEach(message -> problems.add(new FieldProblem("user.password", message)));
            if (user.passwordVerify() != null && !user.passwordVerify().equals(user.password())) {
                problems.add(new FieldProblem("user.passwordVerify", texts.get("validation.passwordsDiffer")));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidRegistrationException(problems);
        }
    }
}

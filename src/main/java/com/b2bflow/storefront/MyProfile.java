package com.b2bflow.storefront;

import static com.b2bflow.access.AccountAction.EDIT_PROFILE;
import static com.b2bflow.access.AccountAction.VIEW_ACCOUNT;

import com.b2bflow.access.AccessRefusedException;
import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Decision;
import com.b2bflow.access.Target;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.audit.Changes;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.ConstraintProblems;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile of My Account: the signed-in user's own (or, on behalf, the customer's) name, phone, preferred language
 * and currency, and marketing consent. Changes are audited as {@code PROFILE_UPDATED} with before and after; a CSR on
 * behalf is named with the reason, and is refused (403) the consent, which is the customer's own word.
 */
@Service
public class MyProfile {

    static final String CONSENT = "receiveEmail";
    /** The currencies the profile form offers (any ISO 4217 code is accepted: a registration may bring another). */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF");

    private final UserRepository users;
    private final AccountAuthorization authorization;
    private final Validator validator;
    private final AuditLog audit;
    private final ObjectMapper json;

    MyProfile(
            UserRepository users,
            AccountAuthorization authorization,
            Validator validator,
            AuditLog audit,
            ObjectMapper json) {
        this.users = users;
        this.authorization = authorization;
        this.validator = validator;
        this.audit = audit;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public ProfileView of(Actor actor) {
        return view(user(actor, VIEW_ACCOUNT));
    }

    /** Whether the actor may change the marketing consent (not a CSR on behalf). */
    public static boolean mayChangeConsent(Actor actor) {
        return !actor.isOnBehalf();
    }

    /** 400 naming each field that breaks a rule; only the fields sent change. */
    @Transactional
    public ProfileView update(Actor actor, ProfileChanges changes) {
        User user = user(actor, EDIT_PROFILE);
        if (changes.receiveEmail() != null
                && !mayChangeConsent(actor)
                && changes.receiveEmail() != Boolean.TRUE.equals(user.getReceiveEmail())) {
            throw new AccessRefusedException(Decision.FORBIDDEN, EDIT_PROFILE);
        }
        List<FieldProblem> problems = ConstraintProblems.of(validator.validate(changes));
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        Changes changed = new Changes();
        change(changed, "firstName", user.getFirstName(), changes.firstName(), user::setFirstName);
        change(changed, "middleName", user.getMiddleName(), changes.middleName(), user::setMiddleName);
        change(changed, "lastName", user.getLastName(), changes.lastName(), user::setLastName);
        change(changed, "phone", user.getPhone(), changes.phone(), user::setPhone);
        change(
                changed,
                "preferredLanguage",
                user.getPreferredLanguage(),
                changes.preferredLanguage(),
                user::setPreferredLanguage);
        change(
                changed,
                "preferredCurrency",
                user.getPreferredCurrency(),
                changes.preferredCurrency(),
                user::setPreferredCurrency);
        if (changes.receiveEmail() != null
                && changed.record(CONSENT, Boolean.TRUE.equals(user.getReceiveEmail()), changes.receiveEmail())) {
            user.setReceiveEmail(changes.receiveEmail());
        }
        users.saveAndFlush(user);
        if (!changed.isEmpty()) {
            audit.recordInOrganization(
                    actor.id(),
                    actor.onBehalfOf(),
                    actor.reason(),
                    user.getOrganization().getId(),
                    "PROFILE_UPDATED",
                    "User",
                    user.getId(),
                    changed.json(json));
        }
        return view(user);
    }

    /** A field sent (not null) that differs once trimmed (blank: cleared, but a last name is never): recorded and set. */
    private static void change(Changes changed, String field, String before, String sent, Consumer<String> set) {
        if (sent == null) {
            return;
        }
        String after = sent.isBlank() && !field.equals("lastName") ? null : sent.strip();
        if (changed.record(field, before, after)) {
            set.accept(after);
        }
    }

    private User user(Actor caller, AccountAction action) {
        Actor actor = caller.inStorefront();
        authorization.require(actor, action, Target.none());
        if (actor.userId() == null) {
            throw new AccessRefusedException(Decision.FORBIDDEN, action);
        }
        return users.findById(actor.userId()).orElseThrow();
    }

    private static ProfileView view(User user) {
        return new ProfileView(
                user.getLogonId(),
                user.getEmail(),
                user.getFirstName(),
                user.getMiddleName(),
                user.getLastName(),
                user.getPhone(),
                user.getPreferredLanguage(),
                user.getPreferredCurrency(),
                Boolean.TRUE.equals(user.getReceiveEmail()));
    }
}

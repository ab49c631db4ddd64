package com.b2bflow.access;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An action {@link AccountAuthorization} refused; pages and the JSON API answer with its status and message. */
public class AccessRefusedException extends ProblemException {

    private final Decision decision;
    private final AccountAction action;

    public AccessRefusedException(Decision decision, AccountAction action) {
        super(HttpStatus.valueOf(decision.status()), messageFor(decision, action), List.of());
        this.decision = decision;
        this.action = action;
    }

    public Decision decision() {
        return decision;
    }

    public AccountAction action() {
        return action;
    }

    /** The message key of the explanation, for pages: {@code access.refused.<decision>[.<action>]}. */
    public String messageKey() {
        if (decision == Decision.FORBIDDEN && RESERVED.contains(action)) {
            return "access.refused.reserved";
        }
        return "access.refused."
                + decision.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static final java.util.Set<AccountAction> RESERVED = java.util.EnumSet.of(
            AccountAction.DELETE_BUYER, AccountAction.DELETE_ORGANIZATION, AccountAction.EDIT_ROLES);

    private static String messageFor(Decision decision, AccountAction action) {
        return switch (decision) {
            case UNAUTHENTICATED -> "Sign in first";
            case NOT_FOUND -> "Not found, or outside the organizations you administer";
            case FORBIDDEN ->
                RESERVED.contains(action)
                        ? "Buyer administrators cannot delete organizations or buyers, nor change roles after a buyer is "
                                + "created; ask a seller administrator or site administrator"
                        : "You may not do this ("
                                + action.name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ') + ")";
            case ALLOW -> "Allowed";
        };
    }
}

package com.b2bflow.buyeradmin;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The invitation cannot be used any more (or never existed): 410 Gone, saying why; {@code state} in the body. */
class InvitationGoneException extends ProblemException {

    private final InvitationState state;

    InvitationGoneException(InvitationState state) {
        super(HttpStatus.GONE, message(state), List.of());
        this.state = state;
        getBody().setProperty("state", state == null ? "UNKNOWN" : state.name());
    }

    /** An unknown token: the same 410 as a used one, with nothing about any invitation. */
    static InvitationGoneException unknown() {
        return new InvitationGoneException(null);
    }

    InvitationState state() {
        return state;
    }

    /** The message key of the explanation, for the storefront page. */
    String messageKey() {
        return "invitations.gone." + (state == null ? "unknown" : state.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String message(InvitationState state) {
        if (state == null) {
            return "This invitation link is not valid: ask your buyer administrator for a new invitation";
        }
        return switch (state) {
            case ACCEPTED -> "This invitation has already been used";
            case REVOKED -> "This invitation was revoked: ask your buyer administrator for a new one";
            case EXPIRED -> "This invitation has expired: ask your buyer administrator for a new one";
            case PENDING -> throw new IllegalArgumentException("A pending invitation is not gone");
        };
    }
}

package com.b2bflow.console;

import com.b2bflow.member.ApprovalState;
import java.time.Instant;
import java.util.List;

/**
 * A storefront user as the console's User page shows them, with what the signed-in staff member may do to them now.
 *
 * @param knownRoles every configured role, for the roles form (shown only with {@link UserActions#editRoles})
 */
public record StaffUserView(
        long id,
        String logonId,
        String name,
        String email,
        String phone,
        String preferredLanguage,
        long organizationId,
        String organizationPath,
        List<String> roles,
        ApprovalState state,
        boolean enabled,
        boolean locked,
        Instant lockedUntil,
        int failedSignIns,
        boolean waitingForActivation,
        Instant lastSignInAt,
        Instant createdAt,
        List<OpenRegistration> openRegistrations,
        List<String> knownRoles,
        UserActions actions) {

    /**
     * What the staff member may do to this user as things stand: their role permits it (AccountAuthorization) and
     * the user is in a state where it means something (only a disabled user is enabled, only a locked one unlocked).
     *
     * @param heldBack message keys, one for each action the role permits but the user's state refuses now (the last
     *     administrator's erasure, the deletion of a user whose registration waits, ...): why it is not offered
     */
    public record UserActions(
            boolean editRoles,
            boolean disable,
            boolean enable,
            boolean unlock,
            boolean resendActivation,
            boolean actOnBehalf,
            boolean exportData,
            boolean eraseData,
            boolean delete,
            List<String> heldBack) {

        public boolean any() {
            return editRoles
                    || disable
                    || enable
                    || unlock
                    || resendActivation
                    || actOnBehalf
                    || exportData
                    || eraseData
                    || delete;
        }
    }
}

package com.b2bflow.console;

import static com.b2bflow.access.AccountAction.ACT_ON_BEHALF;
import static com.b2bflow.access.AccountAction.DELETE_BUYER;
import static com.b2bflow.access.AccountAction.DISABLE_CUSTOMER;
import static com.b2bflow.access.AccountAction.EDIT_ROLES;
import static com.b2bflow.access.AccountAction.ENABLE_CUSTOMER;
import static com.b2bflow.access.AccountAction.ERASE_PERSONAL_DATA;
import static com.b2bflow.access.AccountAction.EXPORT_PERSONAL_DATA;
import static com.b2bflow.access.AccountAction.FIND_CUSTOMERS;
import static com.b2bflow.access.AccountAction.RESEND_ACTIVATION;
import static com.b2bflow.access.AccountAction.UNLOCK_ACCOUNT;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;
import com.b2bflow.activation.ActivationService;
import com.b2bflow.buyeradmin.BuyerAdministration;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.privacy.PersonalDataErasure;
import com.b2bflow.registration.RegistrationPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The console's User page: a storefront user whole, and the actions the staff member may take on them. */
@Service
class StaffUsers {

    private final AccountAuthorization authorization;
    private final BuyerAdministration buyers;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final ActivationService activation;
    private final RegistrationPolicies policies;
    private final OrganizationPaths paths;
    private final OpenRegistrations registrations;
    private final PersonalDataErasure erasure;

    StaffUsers(
            AccountAuthorization authorization,
            BuyerAdministration buyers,
            UserRepository users,
            RoleAssignmentRepository roles,
            ActivationService activation,
            RegistrationPolicies policies,
            OrganizationPaths paths,
            OpenRegistrations registrations,
            PersonalDataErasure erasure) {
        this.authorization = authorization;
        this.buyers = buyers;
        this.users = users;
        this.roles = roles;
        this.activation = activation;
        this.policies = policies;
        this.paths = paths;
        this.registrations = registrations;
        this.erasure = erasure;
    }

    /** The user, for a staff member who may find customers; 404 (refusal page) for an unknown id. */
    @Transactional(readOnly = true)
    public StaffUserView user(Actor actor, long userId) {
        Target target = require(actor, FIND_CUSTOMERS, userId);
        User user = users.findById(userId).orElseThrow();
        Instant now = Instant.now();
        boolean locked = user.isLocked(now);
        boolean approved = user.getRegistrationState() == ApprovalState.APPROVED;
        boolean waiting = activation.isWaitingForActivation(user);
        List<OpenRegistration> open =
                registrations.ofUsers(List.of(user.getId())).getOrDefault(user.getId(), List.of());
        boolean mayEnable = allows(actor, ENABLE_CUSTOMER, target) && !user.isEnabled();
        boolean mayResend = allows(actor, RESEND_ACTIVATION, target) && waiting;
        boolean mayActOnBehalf = allows(actor, ACT_ON_BEHALF, target);
        boolean mayErase = allows(actor, ERASE_PERSONAL_DATA, target);
        boolean mayDelete = allows(actor, DELETE_BUYER, target);
        // the state holds back what the role permits where the service would refuse it (409): not offered, and the
        // page says why instead of leaving the staff member to wonder where the button went
        boolean recentLink = mayResend && activation.issuedRecently(user);
        boolean usable = user.isEnabled() && approved;
        boolean lastAdministrator = mayErase && erasure.lastAdministrator(userId);
        List<String> heldBack = new ArrayList<>();
        holdBack(heldBack, mayEnable && !approved, "console.user.enableConflict");
        holdBack(heldBack, recentLink, "console.user.activationRecent");
        holdBack(heldBack, mayActOnBehalf && !usable, "console.user.actOnBehalfHeld");
        holdBack(heldBack, lastAdministrator, "console.user.eraseLastAdministrator");
        holdBack(heldBack, mayDelete && !open.isEmpty(), "console.user.deleteConflict");
        StaffUserView.UserActions actions = new StaffUserView.UserActions(
                allows(actor, EDIT_ROLES, target),
                allows(actor, DISABLE_CUSTOMER, target) && user.isEnabled(),
                mayEnable && approved,
                allows(actor, UNLOCK_ACCOUNT, target) && (locked || user.getFailedLoginCount() > 0),
                mayResend && !recentLink,
                mayActOnBehalf && usable,
                allows(actor, EXPORT_PERSONAL_DATA, target),
                mayErase && !lastAdministrator,
                mayDelete && open.isEmpty(),
                List.copyOf(heldBack));
        return new StaffUserView(
                user.getId(),
                user.getLogonId(),
                user.getDisplayName(),
                user.getEmail(),
                user.getPhone(),
                user.getPreferredLanguage(),
                user.getOrganization().getId(),
                paths.pathOf(user.getOrganization()),
                roles.findByUser(user).stream()
                        .map(RoleAssignment::getRole)
                        .distinct()
                        .sorted()
                        .toList(),
                user.getRegistrationState(),
                user.isEnabled(),
                locked,
                locked ? user.getLockedUntil() : null,
                user.getFailedLoginCount(),
                waiting,
                user.getLastLoginAt(),
                user.getCreatedAt(),
                open,
                policies.knownRoles().stream().sorted().toList(),
                actions);
    }

    /**
     * Refuses (AccessRefusedException: 403, or 404 for an unknown user) unless the actor may take the action on the
     * user; for the actions whose services leave the decision to the staff API's security chain.
     */
    Target require(Actor actor, AccountAction action, long userId) {
        Target target = buyers.userTarget(userId);
        authorization.require(actor, action, target);
        return target;
    }

    private static void holdBack(List<String> heldBack, boolean held, String reasonKey) {
        if (held) {
            heldBack.add(reasonKey);
        }
    }

    private boolean allows(Actor actor, AccountAction action, Target target) {
        return authorization.decide(actor, action, target).allowed();
    }
}

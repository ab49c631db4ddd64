package com.b2bflow.access;

import static com.b2bflow.access.AccountAction.ACT_ON_BEHALF;
import static com.b2bflow.access.AccountAction.CHANGE_PASSWORD;
import static com.b2bflow.access.AccountAction.CREATE_BUYER;
import static com.b2bflow.access.AccountAction.CREATE_ORGANIZATION;
import static com.b2bflow.access.AccountAction.DELETE_BUYER;
import static com.b2bflow.access.AccountAction.DELETE_ORGANIZATION;
import static com.b2bflow.access.AccountAction.DISABLE_CUSTOMER;
import static com.b2bflow.access.AccountAction.EDIT_BUYER;
import static com.b2bflow.access.AccountAction.EDIT_ORGANIZATION;
import static com.b2bflow.access.AccountAction.EDIT_PROFILE;
import static com.b2bflow.access.AccountAction.EDIT_ROLES;
import static com.b2bflow.access.AccountAction.ENABLE_CUSTOMER;
import static com.b2bflow.access.AccountAction.ENABLE_DISABLE_BUYER;
import static com.b2bflow.access.AccountAction.ERASE_PERSONAL_DATA;
import static com.b2bflow.access.AccountAction.EXPORT_PERSONAL_DATA;
import static com.b2bflow.access.AccountAction.FIND_CUSTOMERS;
import static com.b2bflow.access.AccountAction.INVITE_BUYERS;
import static com.b2bflow.access.AccountAction.LIST_BUYERS;
import static com.b2bflow.access.AccountAction.MAINTAIN_CONTRACTS;
import static com.b2bflow.access.AccountAction.MANAGE_APPROVERS;
import static com.b2bflow.access.AccountAction.RESEND_ACTIVATION;
import static com.b2bflow.access.AccountAction.UNLOCK_ACCOUNT;
import static com.b2bflow.access.AccountAction.VIEW_ACCOUNT;
import static com.b2bflow.access.AccountAction.VIEW_ALL_ON_BEHALF_HISTORY;
import static com.b2bflow.access.AccountAction.VIEW_AUDIT_LOG;
import static com.b2bflow.access.AccountAction.VIEW_BUYER;
import static com.b2bflow.access.AccountAction.VIEW_ON_BEHALF_HISTORY;
import static com.b2bflow.access.AccountAction.VIEW_ORGANIZATION;
import static com.b2bflow.access.AccountAction.VIEW_ORGANIZATIONS;
import static com.b2bflow.access.AccountAction.VIEW_ORGANIZATION_RECORD;
import static com.b2bflow.access.AccountAction.VIEW_REGISTRATIONS;

import com.b2bflow.member.OrganizationRepository;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may do what to storefront accounts; pages, the JSON API and the staff API all ask
 * it. Each {@link Hat} permits a set of actions within a reach: a buyer administrator's (and a CSR on their behalf)
 * is the administrator's organization and everything below it, staff reach every organization.
 *
 * <p>HCL Commerce's act-on-behalf rules: Buyer Administrators cannot delete organizations or buyers, nor edit roles; a
 * CSR acting on behalf of one has exactly the subset "navigate the hierarchy, select an organization and list its
 * buyers, create, view and edit organizations; search, enable/disable, create, view and edit buyers". Inviting buyers
 * (which HCL Commerce does not have) is creating buyers by another road, so the CSR may do it on behalf too. Deleting and role
 * changes are left to seller and site administrators.
 */
@Service
public class AccountAuthorization {

    private enum Reach {
        SUBTREE,
        EVERYWHERE
    }

    private record Grant(Set<AccountAction> actions, Reach reach) {}

    /** The act-on-behalf rules' list of what a CSR may do on behalf of a Buyer Administrator. */
    static final Set<AccountAction> ON_BEHALF_SUBSET = Collections.unmodifiableSet(EnumSet.of(
            VIEW_ACCOUNT,
            EDIT_PROFILE,
            VIEW_ORGANIZATIONS,
            LIST_BUYERS,
            CREATE_ORGANIZATION,
            VIEW_ORGANIZATION,
            EDIT_ORGANIZATION,
            ENABLE_DISABLE_BUYER,
            CREATE_BUYER,
            VIEW_BUYER,
            EDIT_BUYER,
            INVITE_BUYERS));

    private static final Map<Hat, Grant> GRANTS = new EnumMap<>(Hat.class);
    private static final Set<Hat> ENABLE_ANY_USER = EnumSet.of(Hat.SELLER_ADMIN, Hat.SITE_ADMIN);

    static {
        GRANTS.put(Hat.BUYER, new Grant(EnumSet.of(VIEW_ACCOUNT, EDIT_PROFILE, CHANGE_PASSWORD), Reach.SUBTREE));
        GRANTS.put(
                Hat.BUYER_APPROVER, new Grant(EnumSet.of(VIEW_ACCOUNT, EDIT_PROFILE, CHANGE_PASSWORD), Reach.SUBTREE));
        EnumSet<AccountAction> admin = EnumSet.copyOf(ON_BEHALF_SUBSET);
        admin.add(VIEW_ON_BEHALF_HISTORY);
        admin.add(CHANGE_PASSWORD);
        GRANTS.put(Hat.BUYER_ADMIN, new Grant(admin, Reach.SUBTREE));
        GRANTS.put(Hat.ON_BEHALF, new Grant(ON_BEHALF_SUBSET, Reach.SUBTREE));
        GRANTS.put(
                Hat.CUSTOMER_SERVICE,
                new Grant(
                        EnumSet.of(
                                FIND_CUSTOMERS,
                                ACT_ON_BEHALF,
                                DISABLE_CUSTOMER,
                                ENABLE_CUSTOMER,
                                VIEW_ALL_ON_BEHALF_HISTORY,
                                EXPORT_PERSONAL_DATA),
                        Reach.EVERYWHERE));
        Grant sellerLevel = new Grant(
                EnumSet.of(
                        DELETE_ORGANIZATION,
                        DELETE_BUYER,
                        EDIT_ROLES,
                        ENABLE_CUSTOMER,
                        DISABLE_CUSTOMER,
                        VIEW_ALL_ON_BEHALF_HISTORY,
                        FIND_CUSTOMERS,
                        VIEW_REGISTRATIONS,
                        VIEW_AUDIT_LOG,
                        UNLOCK_ACCOUNT,
                        RESEND_ACTIVATION,
                        EXPORT_PERSONAL_DATA,
                        ERASE_PERSONAL_DATA,
                        VIEW_ORGANIZATION_RECORD,
                        MAINTAIN_CONTRACTS,
                        MANAGE_APPROVERS),
                Reach.EVERYWHERE);
        GRANTS.put(Hat.SELLER_ADMIN, sellerLevel);
        GRANTS.put(Hat.SITE_ADMIN, sellerLevel);
        // account representatives find the customers whose accounts and contracts they look after
        GRANTS.put(
                Hat.ACCOUNT_REP,
                new Grant(
                        EnumSet.of(FIND_CUSTOMERS, VIEW_REGISTRATIONS, VIEW_ORGANIZATION_RECORD, MAINTAIN_CONTRACTS),
                        Reach.EVERYWHERE));
    }

    private final OrganizationRepository organizations;

    public AccountAuthorization(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** Whether some hat of the actor permits the action at all, wherever its target. */
    public boolean permits(Actor actor, AccountAction action) {
        if (action == VIEW_ACCOUNT && actor.authenticated()) {
            return true;
        }
        return actor.hats().stream()
                .map(GRANTS::get)
                .anyMatch(grant -> grant.actions().contains(action));
    }

    public Decision decide(Actor actor, AccountAction action, Target target) {
        if (!actor.authenticated()) {
            return Decision.UNAUTHENTICATED;
        }
        if (!permits(actor, action)) {
            return Decision.FORBIDDEN;
        }
        if (!target.exists()) {
            return Decision.NOT_FOUND;
        }
        if (action == ACT_ON_BEHALF && !target.administrator()) {
            // customer service acts for Buyer Administrators only
            return Decision.FORBIDDEN;
        }
        if ((action == ENABLE_CUSTOMER || action == DISABLE_CUSTOMER)
                && !target.administrator()
                && actor.hats().stream().noneMatch(ENABLE_ANY_USER::contains)) {
            // customer service disables and enables Buyer Administrators; seller and site administrators anyone
            return Decision.FORBIDDEN;
        }
        if (action == VIEW_ACCOUNT || target.organizationId() == null) {
            return Decision.ALLOW;
        }
        boolean inReach = actor.hats().stream()
                .map(GRANTS::get)
                .filter(grant -> grant.actions().contains(action))
                .anyMatch(grant -> grant.reach() == Reach.EVERYWHERE || withinSubtree(actor, target));
        return inReach ? Decision.ALLOW : Decision.NOT_FOUND;
    }

    /** {@link #decide}, throwing {@link AccessRefusedException} unless allowed. */
    public void require(Actor actor, AccountAction action, Target target) {
        Decision decision = decide(actor, action, target);
        if (!decision.allowed()) {
            throw new AccessRefusedException(decision, action);
        }
    }

    private boolean withinSubtree(Actor actor, Target target) {
        return actor.organizationId() != null
                && organizations.isWithinSubtree(actor.organizationId(), target.organizationId());
    }
}

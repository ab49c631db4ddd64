package com.b2bflow.console;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;

/**
 * What the signed-in staff member may do on one organization's page, as {@link AccountAuthorization} decides it for
 * that organization and as the organization stands: the page offers only these, so no button leads to a refusal.
 *
 * @param delete         may delete it, and it is empty (no buyers, no sub-organizations, no registered organizations)
 * @param deleteReserved may delete organizations but this one is in use: the page says so instead of a button
 */
public record OrganizationActions(
        boolean editRoles, boolean manageApprovers, boolean maintainContracts, boolean delete, boolean deleteReserved) {

    static OrganizationActions of(
            AccountAuthorization authorization, Actor actor, long organizationId, boolean deletable) {
        Target target = Target.organization(organizationId);
        boolean mayDelete = authorization
                .decide(actor, AccountAction.DELETE_ORGANIZATION, target)
                .allowed();
        return new OrganizationActions(
                authorization.decide(actor, AccountAction.EDIT_ROLES, target).allowed(),
                authorization
                        .decide(actor, AccountAction.MANAGE_APPROVERS, target)
                        .allowed(),
                authorization
                        .decide(actor, AccountAction.MAINTAIN_CONTRACTS, target)
                        .allowed(),
                mayDelete && deletable,
                mayDelete && !deletable);
    }

    public boolean any() {
        return editRoles || manageApprovers || maintainContracts || delete;
    }
}

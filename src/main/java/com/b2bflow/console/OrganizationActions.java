package com.b2bflow.console;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;

/**
 * What the signed-in staff member may do on one organization's page, as {@link AccountAuthorization} decides it for
 * that organization: the page offers only these, so no button leads to a 403.
 */
public record OrganizationActions(
        boolean editRoles, boolean manageApprovers, boolean maintainContracts, boolean delete) {

    static OrganizationActions of(AccountAuthorization authorization, Actor actor, long organizationId) {
        Target target = Target.organization(organizationId);
        return new OrganizationActions(
                authorization.decide(actor, AccountAction.EDIT_ROLES, target).allowed(),
                authorization
                        .decide(actor, AccountAction.MANAGE_APPROVERS, target)
                        .allowed(),
                authorization
                        .decide(actor, AccountAction.MAINTAIN_CONTRACTS, target)
                        .allowed(),
                authorization
                        .decide(actor, AccountAction.DELETE_ORGANIZATION, target)
                        .allowed());
    }

    public boolean any() {
        return editRoles || manageApprovers || maintainContracts || delete;
    }
}

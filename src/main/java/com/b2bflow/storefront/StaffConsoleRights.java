package com.b2bflow.storefront;

import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.staff.StaffGroups;

/**
 * What a staff member may do on the console's organization page, by staff group, as the security chain decides it
 * for the same URLs (seller and site administrators change roles, approvers and delete; account representatives and
 * they maintain contracts): the page offers only these, so no button leads to a 403.
 */
public record StaffConsoleRights(
        boolean editRoles, boolean manageApprovers, boolean maintainContracts, boolean delete) {

    static StaffConsoleRights of(StaffPrincipal staff) {
        boolean sellerLevel = staff.groups().contains(StaffGroups.SELLER_ADMINS)
                || staff.groups().contains(StaffGroups.SITE_ADMINS);
        boolean contracts = sellerLevel || staff.groups().contains(StaffGroups.ACCOUNT_REPS);
        return new StaffConsoleRights(sellerLevel, sellerLevel, contracts, sellerLevel);
    }

    public boolean any() {
        return editRoles || manageApprovers || maintainContracts || delete;
    }
}

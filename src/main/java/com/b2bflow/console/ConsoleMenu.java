package com.b2bflow.console;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;

/**
 * The entries of the staff console's navigation the signed-in staff member may open: a page nobody may open is not
 * offered (no link that leads to a 403). Tasklist and Cockpit are Camunda's webapps, which decide by their own
 * application grants (StaffWebapps).
 */
public record ConsoleMenu(
        boolean find, boolean registrations, boolean audit, boolean organizations, boolean tasklist, boolean cockpit) {

    static ConsoleMenu of(AccountAuthorization authorization, Actor actor, boolean tasklist, boolean cockpit) {
        return new ConsoleMenu(
                authorization.permits(actor, AccountAction.FIND_CUSTOMERS),
                authorization.permits(actor, AccountAction.VIEW_REGISTRATIONS),
                authorization.permits(actor, AccountAction.VIEW_AUDIT_LOG),
                // no entry of its own: whether other pages link organizations (customer service may not open them)
                authorization.permits(actor, AccountAction.VIEW_ORGANIZATION_RECORD),
                tasklist,
                cockpit);
    }
}

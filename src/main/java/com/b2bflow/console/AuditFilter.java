package com.b2bflow.console;

/**
 * What the Audit page is narrowed to; every part is optional. {@code actor}: part of who acted (a logon id or staff
 * id); {@code customer}: part of an organization's name or a user's logon id or email, matching what happened in,
 * to or on behalf of them; {@code action}: one action exactly; {@code userId}/{@code organizationId}: one user's or
 * one organization's trail (the links from the User and Organization pages).
 */
public record AuditFilter(String actor, String customer, String action, Long userId, Long organizationId) {

    public AuditFilter {
        actor = blankToNull(actor);
        customer = blankToNull(customer);
        action = blankToNull(action);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

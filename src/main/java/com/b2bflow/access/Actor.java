package com.b2bflow.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting, resolved afresh for every request from the signed-in principal and the HTTP session.
 *
 * @param id             the acting person: a storefront logon id or a staff id (the CSR's, when on behalf)
 * @param hats           the capacities they act in; empty for anonymous callers and for disabled users
 * @param userId         the storefront user whose account {@code /api/me} is: the signed-in buyer, or the customer
 *                       a CSR acts for; null for staff otherwise
 * @param organizationId the organization at the top of the subtree that {@code userId} administers
 * @param onBehalf       the CSR's on-behalf session, when there is one
 */
public record Actor(
        String id,
        String displayName,
        boolean authenticated,
        Set<Hat> hats,
        Long userId,
        Long organizationId,
        OnBehalf onBehalf) {

    public Actor {
        hats = hats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hats));
    }

    public static Actor anonymous() {
        return new Actor("anonymous", "anonymous", false, Set.of(), null, null, null);
    }

    /** Capacities that act for a storefront account (the account holder's own, or a CSR's on their behalf). */
    public static final Set<Hat> STOREFRONT_HATS =
            Set.of(Hat.BUYER, Hat.BUYER_APPROVER, Hat.BUYER_ADMIN, Hat.ON_BEHALF);

    /**
     * The same actor with only their storefront capacities: {@code /api/me/**} and the My Account pages act for a
     * storefront account, so a seller administrator signed in to the storefront gains nothing there.
     */
    public Actor inStorefront() {
        return new Actor(
                id,
                displayName,
                authenticated,
                hats.stream().filter(STOREFRONT_HATS::contains).collect(java.util.stream.Collectors.toSet()),
                userId,
                organizationId,
                onBehalf);
    }

    public boolean wears(Hat hat) {
        return hats.contains(hat);
    }

    public boolean isOnBehalf() {
        return onBehalf != null;
    }

    /** Who the audit log names as acting for someone else: the customer's logon id while on behalf. */
    public String onBehalfOf() {
        return onBehalf == null ? null : onBehalf.customerLogonId();
    }

    /** The CSR's reason while on behalf. */
    public String reason() {
        return onBehalf == null ? null : onBehalf.reason();
    }
}

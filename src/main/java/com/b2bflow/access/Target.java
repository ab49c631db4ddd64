package com.b2bflow.access;

/**
 * What an action is aimed at, as far as authorization cares: the organization it happens in, and for actions on a
 * person whether that person administers their organization.
 *
 * @param exists         false when the addressed organization or user does not exist
 * @param organizationId the organization the action happens in; null for actions aimed at nothing in particular
 * @param administrator  whether the addressed user is a Buyer Administrator (or Customer Superuser)
 */
public record Target(boolean exists, Long organizationId, boolean administrator) {

    public static Target none() {
        return new Target(true, null, false);
    }

    public static Target missing() {
        return new Target(false, null, false);
    }

    public static Target organization(long organizationId) {
        return new Target(true, organizationId, false);
    }

    public static Target user(long organizationId, boolean administrator) {
        return new Target(true, organizationId, administrator);
    }
}

package com.b2bflow.member;

import java.util.Collection;
import java.util.Set;

/** The storefront roles the product itself acts on (the configured list in {@code app.registration.roles}). */
public final class Roles {

    public static final String BUYER_ADMINISTRATOR = "Buyer Administrator";
    public static final String BUYER_APPROVER = "Buyer Approver";
    public static final String BUYER = "Buyer";
    public static final String ORGANIZATION_PARTICIPANT = "Organization Participant";
    /** CloudSuite's customer superuser: administers the buyers of their organization like a Buyer Administrator. */
    public static final String CUSTOMER_SUPERUSER = "Customer Superuser";

    /** Roles whose holders administer their organization's subtree and its buyers. */
    public static final Set<String> ADMINISTRATORS = Set.of(BUYER_ADMINISTRATOR, CUSTOMER_SUPERUSER);

    private Roles() {}

    public static boolean administers(Collection<String> roles) {
        return roles.stream().anyMatch(ADMINISTRATORS::contains);
    }
}

package com.b2bflow.access;

/**
 * A capacity in which someone acts. A signed-in person may wear several (a Buyer Administrator is usually a Buyer
 * Approver too; a CSR acting on behalf of a customer wears {@link #CUSTOMER_SERVICE} and {@link #ON_BEHALF}).
 */
public enum Hat {
    /** A storefront user without an administrative role. */
    BUYER,
    /** A storefront user who approves buyer registrations for their organization. */
    BUYER_APPROVER,
    /** A Buyer Administrator or Customer Superuser: administers their organization and everything below it. */
    BUYER_ADMIN,
    /** Staff in {@code customer-service}. */
    CUSTOMER_SERVICE,
    /** A CSR acting on behalf of a Buyer Administrator, within the act-on-behalf limits, in the customer's subtree. */
    ON_BEHALF,
    /** Staff in {@code seller-admins}. */
    SELLER_ADMIN,
    /** Staff in {@code site-admins}. */
    SITE_ADMIN,
    /** Staff in {@code account-reps}: set up accounts and maintain contracts. */
    ACCOUNT_REP
}

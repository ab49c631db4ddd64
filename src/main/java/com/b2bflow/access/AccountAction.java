package com.b2bflow.access;

/** Everything that can be done to storefront accounts, by anyone; {@link AccountAuthorization} decides who may. */
public enum AccountAction {
    /** My Account: the signed-in user's (or, on behalf, the customer's) own account. */
    VIEW_ACCOUNT,
    /**
     * My Account: change one's own name, phone, preferred language and currency. A CSR on behalf may (audited with
     * the reason) but does not give or withdraw the customer's marketing consent: that is the customer's word.
     */
    EDIT_PROFILE,
    /** My Account: change one's own password, knowing the current one. Never on behalf. */
    CHANGE_PASSWORD,
    /** Navigate the hierarchy of administered organizations. */
    VIEW_ORGANIZATIONS,
    VIEW_ORGANIZATION,
    CREATE_ORGANIZATION,
    EDIT_ORGANIZATION,
    /** Reserved to seller and site administrators. */
    DELETE_ORGANIZATION,
    /** Select an organization and search its buyers. */
    LIST_BUYERS,
    VIEW_BUYER,
    /** The superuserUserCreation flow. */
    CREATE_BUYER,
    EDIT_BUYER,
    /** Invite people by email to register into the organization; list and revoke its invitations. */
    INVITE_BUYERS,
    ENABLE_DISABLE_BUYER,
    /** Reserved to seller and site administrators: roles are chosen when a buyer is created. */
    EDIT_ROLES,
    /** Reserved to seller and site administrators. */
    DELETE_BUYER,
    /** What CSRs did on behalf of the organization's administrators. */
    VIEW_ON_BEHALF_HISTORY,
    /**
     * Find customers by name, logon id, email, tax id, organization or state, and see a customer's details (customer
     * service, seller and site administrators, account representatives; the staff console's Find and User pages).
     */
    FIND_CUSTOMERS,
    /** Customer service: access a Buyer Administrator's account, with a reason. */
    ACT_ON_BEHALF,
    /** Customer service: disable a Buyer Administrator's account, with a reason. */
    DISABLE_CUSTOMER,
    /**
     * Enable a disabled account again, with a reason: customer service a Buyer Administrator's, seller and site
     * administrators any storefront user's.
     */
    ENABLE_CUSTOMER,
    /** Staff: every action taken on behalf of any customer. */
    VIEW_ALL_ON_BEHALF_HISTORY,
    /** Staff console: every registration, its waiting step, task and instance. */
    VIEW_REGISTRATIONS,
    /** Staff console: the whole audit log. */
    VIEW_AUDIT_LOG,
    /** Lift a storefront account's sign-in lock after failed sign-ins. */
    UNLOCK_ACCOUNT,
    /** Mail a new activation link to a user who has not activated their account yet. */
    RESEND_ACTIVATION,
    /** A data-subject access request: everything kept about a storefront user, as JSON. */
    EXPORT_PERSONAL_DATA,
    /** Erase a storefront user's personal data on request. */
    ERASE_PERSONAL_DATA,
    /**
     * Staff console: an organization whole (tree, members, account and contracts, approvers, roles it may grant,
     * registrations, customer-service history, audit trail).
     */
    VIEW_ORGANIZATION_RECORD,
    /** Add, extend and end an organization's contracts after the set-up (account representatives' work). */
    MAINTAIN_CONTRACTS,
    /** Add and remove the approvers of a customer organization's buyer registrations. */
    MANAGE_APPROVERS
}

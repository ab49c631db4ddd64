package com.b2bflow.approval;

/** The roles (of {@code app.registration.roles}) that buyer registration approval depends on. */
public final class ApprovalRoles {

    /** Decides buyer registrations of their organization and everything below it, and manages its approvers. */
    public static final String BUYER_ADMINISTRATOR = "Buyer Administrator";

    /** May be made an approver of a User Registration approval group. */
    public static final String BUYER_APPROVER = "Buyer Approver";

    private ApprovalRoles() {}
}

package com.b2bflow.registration;

import com.b2bflow.staff.StaffGroups;

/**
 * The contract of {@code processes/buyer-self-registration.bpmn}. It starts with the {@link StartVariables} (the
 * organization is the one joined) plus {@link Variables#APPROVAL_REQUIRED}. Its approval task has no candidate group:
 * the organization's registration approvers decide in the storefront. When the organization and those above it have
 * no approvers, the registration is held for the seller administrators ({@link Elements#TASK_REVIEW_BUYER_REGISTRATION}).
 */
public final class BuyerSelfRegistrationProcess {

    public static final String KEY = RegistrationFlow.BUYER.processKey();
    public static final String FILE = "buyer-self-registration.bpmn";

    private BuyerSelfRegistrationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_BUYER = "Task_CreateBuyer";
        public static final String TASK_APPROVE_BUYER = "Task_ApproveBuyer";
        public static final String TASK_NOTIFY_SELLER_ADMINS = "Task_NotifySellerAdmins";
        public static final String TASK_REVIEW_BUYER_REGISTRATION = "Task_ReviewBuyerRegistration";

        private Elements() {}
    }

    public static final class Variables {
        public static final String APPROVAL_REQUIRED = ProcessVariables.APPROVAL_REQUIRED;
        public static final String USER_ID = ProcessVariables.USER_ID;
        public static final String APPROVERS_FOUND = ProcessVariables.APPROVERS_FOUND;
        public static final String APPROVED = ProcessVariables.APPROVED;
        public static final String REJECTION_REASON = ProcessVariables.REJECTION_REASON;
        public static final String DECIDED_BY = ProcessVariables.DECIDED_BY;

        private Variables() {}
    }

    /** Who decides a buyer registration held because its organization has no registration approvers. */
    public static final class Groups {
        public static final String SELLER_ADMINS = StaffGroups.SELLER_ADMINS;

        private Groups() {}
    }
}

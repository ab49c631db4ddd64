package com.b2bflow.cloudsuite;

import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.staff.StaffGroups;

/**
 * The contract of {@code processes/shop-approval-registration.bpmn}: a partial registration the back office links
 * to a customer or rejects. It starts with the {@link com.b2bflow.registration.StartVariables}.
 */
public final class ShopApprovalRegistrationProcess {

    public static final String KEY = RegistrationFlow.SHOP_APPROVAL.processKey();
    public static final String FILE = "shop-approval-registration.bpmn";

    private ShopApprovalRegistrationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_APPLICANT = "Task_CreateApplicant";
        public static final String TASK_NOTIFY_BACKOFFICE = "Task_NotifyBackoffice";
        public static final String TASK_LINK_USER_TO_CUSTOMER = "Task_LinkUserToCustomer";

        private Elements() {}
    }

    /** Set by its creation step and by the link form (link-user-to-customer). */
    public static final class Variables {
        public static final String USER_ID = ProcessVariables.USER_ID;
        public static final String CUSTOMER_ID = ProcessVariables.CUSTOMER_ID;
        public static final String OTHER_CUSTOMER_ID = "otherCustomerId";
        public static final String MATCHING_CUSTOMERS = "matchingCustomers";
        public static final String CUSTOMER_OPTIONS = "customerOptions";
        public static final String APPROVED = ProcessVariables.APPROVED;
        public static final String REJECTION_REASON = ProcessVariables.REJECTION_REASON;

        private Variables() {}
    }

    public static final class Groups {
        public static final String BACKOFFICE = StaffGroups.BACKOFFICE;

        private Groups() {}
    }
}

package com.b2bflow.registration;

import com.b2bflow.staff.StaffGroups;

/**
 * The contract of {@code processes/reseller-registration.bpmn}. It starts with the {@link StartVariables} plus
 * {@link Variables#APPROVAL_REQUIRED}.
 */
public final class ResellerRegistrationProcess {

    public static final String KEY = RegistrationFlow.RESELLER.processKey();
    public static final String FILE = "reseller-registration.bpmn";

    private ResellerRegistrationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_ORGANIZATION = "Task_CreateOrganization";
        public static final String TASK_CREATE_ADMINISTRATOR = "Task_CreateAdministrator";
        public static final String TASK_NOTIFY_SITE_ADMINS = "Task_NotifySiteAdmins";
        public static final String TASK_APPROVE_RESELLER = "Task_ApproveReseller";

        private Elements() {}
    }

    public static final class Variables {
        public static final String APPROVAL_REQUIRED = ProcessVariables.APPROVAL_REQUIRED;
        public static final String ORGANIZATION_ID = ProcessVariables.ORGANIZATION_ID;
        public static final String USER_ID = ProcessVariables.USER_ID;
        public static final String POSSIBLE_DUPLICATES = ProcessVariables.POSSIBLE_DUPLICATES;
        public static final String APPROVED = ProcessVariables.APPROVED;
        public static final String REJECTION_REASON = ProcessVariables.REJECTION_REASON;
        public static final String DECIDED_BY = ProcessVariables.DECIDED_BY;
        public static final String APPROVAL_GROUPS = ProcessVariables.APPROVAL_GROUPS;

        private Variables() {}
    }

    public static final class Groups {
        public static final String SITE_ADMINS = StaffGroups.SITE_ADMINS;

        private Groups() {}
    }
}

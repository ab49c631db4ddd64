package com.b2bflow.registration;

import com.b2bflow.staff.StaffGroups;

/**
 * The contract of {@code processes/org-self-registration.bpmn}: what the code and the model agree on. It starts
 * with the {@link StartVariables} plus {@link Variables#APPROVAL_REQUIRED}. Renaming anything here or in the model
 * is a change of both (ProcessContractTest checks every id against the model).
 */
public final class OrgSelfRegistrationProcess {

    public static final String KEY = RegistrationFlow.ORGANIZATION.processKey();
    public static final String FILE = "org-self-registration.bpmn";

    private OrgSelfRegistrationProcess() {}

    /** Element ids the code, forms or tests refer to. */
    public static final class Elements {
        public static final String TASK_CREATE_ORGANIZATION = "Task_CreateOrganization";
        public static final String TASK_CREATE_ADMINISTRATOR = "Task_CreateAdministrator";
        public static final String TASK_NOTIFY_SELLER_ADMINS = "Task_NotifySellerAdmins";
        public static final String TASK_REVIEW_REGISTRATION = "Task_ReviewRegistration";
        public static final String TASK_SET_UP_ACCOUNT = "Task_SetUpAccount";
        public static final String TASK_APPROVE_REGISTRATION = "Task_ApproveRegistration";

        private Elements() {}
    }

    /** Variables beyond the start variables: set by steps and forms, read by gateways and delegates. */
    public static final class Variables {
        public static final String APPROVAL_REQUIRED = ProcessVariables.APPROVAL_REQUIRED;
        public static final String ORGANIZATION_ID = ProcessVariables.ORGANIZATION_ID;
        public static final String USER_ID = ProcessVariables.USER_ID;
        public static final String POSSIBLE_DUPLICATES = ProcessVariables.POSSIBLE_DUPLICATES;
        public static final String DUPLICATES_WARNING = ProcessVariables.DUPLICATES_WARNING;
        public static final String PREVIOUS_REJECTION = ProcessVariables.PREVIOUS_REJECTION;
        public static final String CHANGES_SINCE_REJECTION = ProcessVariables.CHANGES_SINCE_REJECTION;
        public static final String REVIEWED_BY = ProcessVariables.REVIEWED_BY;
        public static final String APPROVAL_SUMMARY = ProcessVariables.APPROVAL_SUMMARY;
        public static final String APPROVED = ProcessVariables.APPROVED;
        public static final String REJECTION_REASON = ProcessVariables.REJECTION_REASON;
        public static final String DECIDED_BY = ProcessVariables.DECIDED_BY;
        public static final String ORGANIZATION_ROLES = ProcessVariables.ORGANIZATION_ROLES;
        public static final String APPROVAL_GROUPS = ProcessVariables.APPROVAL_GROUPS;
        public static final String ACCOUNT_NAME = ProcessVariables.ACCOUNT_NAME;
        public static final String CONTRACT_NAME = ProcessVariables.CONTRACT_NAME;
        public static final String CONTRACT_TERMS = ProcessVariables.CONTRACT_TERMS;
        public static final String CONTRACT_VALID_FROM = ProcessVariables.CONTRACT_VALID_FROM;
        public static final String CONTRACT_VALID_TO = ProcessVariables.CONTRACT_VALID_TO;
        public static final String CONTRACTS = ProcessVariables.CONTRACTS;
        public static final String CONTRACTS_SUMMARY = ProcessVariables.CONTRACTS_SUMMARY;
        public static final String ACCOUNT_SET_UP_BY = ProcessVariables.ACCOUNT_SET_UP_BY;

        private Variables() {}
    }

    /**
     * Candidate groups of its user tasks and the groups its notifications and reminders mail (escalations always go
     * to site-admins: EscalateTask).
     */
    public static final class Groups {
        public static final String SELLER_ADMINS = StaffGroups.SELLER_ADMINS;
        public static final String ACCOUNT_REPS = StaffGroups.ACCOUNT_REPS;

        private Groups() {}
    }
}

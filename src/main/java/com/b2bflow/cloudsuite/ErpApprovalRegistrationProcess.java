package com.b2bflow.cloudsuite;

import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.staff.StaffGroups;

/**
 * The contract of {@code processes/erp-approval-registration.bpmn}: a partial registration the ERP approves through
 * the external task topic {@link Topics#ERP_REGISTRATION}, or rejects with the BPMN error {@link Errors#ERP_REJECTED}.
 * It starts with the {@link com.b2bflow.registration.StartVariables} (the company as the applicant named it).
 */
public final class ErpApprovalRegistrationProcess {

    public static final String KEY = RegistrationFlow.ERP_APPROVAL.processKey();
    public static final String FILE = "erp-approval-registration.bpmn";

    private ErpApprovalRegistrationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_APPLICANT = "Task_CreateApplicant";
        public static final String TASK_NOTIFY_BACKOFFICE = "Task_NotifyBackoffice";
        public static final String TASK_REQUEST_ERP_APPROVAL = "Task_RequestErpApproval";
        public static final String BOUNDARY_ERP_REJECTED = "BoundaryEvent_ErpRejected";
        public static final String BOUNDARY_OTHER_ERP_ERROR = "BoundaryEvent_OtherErpError";

        private Elements() {}
    }

    /** What the ERP client completes the task with, and what its errors carry. */
    public static final class Variables {
        public static final String USER_ID = ProcessVariables.USER_ID;
        public static final String ERP_CUSTOMER_NUMBER = ProcessVariables.ERP_CUSTOMER_NUMBER;
        public static final String CUSTOMER_ID = ProcessVariables.CUSTOMER_ID;
        public static final String ACTIVATION_EMAIL = ProcessVariables.ACTIVATION_EMAIL;
        public static final String ERP_ERROR_CODE = "erpErrorCode";
        public static final String ERP_ERROR_MESSAGE = "erpErrorMessage";

        private Variables() {}
    }

    /** External task topics the ERP client fetches. */
    public static final class Topics {
        public static final String ERP_REGISTRATION = "erp-registration";

        private Topics() {}
    }

    /** BPMN error codes the ERP client may report. */
    public static final class Errors {
        public static final String ERP_REJECTED = "ERP_REJECTED";

        private Errors() {}
    }

    public static final class Groups {
        public static final String BACKOFFICE = StaffGroups.BACKOFFICE;
        public static final String INTEGRATION = StaffGroups.INTEGRATION;

        private Groups() {}
    }
}

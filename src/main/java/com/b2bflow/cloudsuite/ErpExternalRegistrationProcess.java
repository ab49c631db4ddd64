package com.b2bflow.cloudsuite;

import com.b2bflow.activation.ActivationMessages;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationFlow;

/**
 * The contract of {@code processes/erp-external-registration.bpmn}: a customer the ERP sends, created and approved
 * at once, its user activated through a mailed link. It starts with the {@link com.b2bflow.registration.StartVariables}
 * plus the ERP customer number, whether to mail the link, and who sent it.
 */
public final class ErpExternalRegistrationProcess {

    public static final String KEY = RegistrationFlow.ERP_EXTERNAL.processKey();
    public static final String FILE = "erp-external-registration.bpmn";

    private ErpExternalRegistrationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_ORGANIZATION = "Task_CreateOrganization";
        public static final String TASK_CREATE_ADMINISTRATOR = "Task_CreateAdministrator";
        public static final String TASK_ACTIVATE_CUSTOMER = "Task_ActivateCustomer";
        public static final String TASK_WAIT_FOR_ACTIVATION = "Task_WaitForActivation";

        private Elements() {}
    }

    public static final class Variables {
        public static final String ERP_CUSTOMER_NUMBER = ProcessVariables.ERP_CUSTOMER_NUMBER;
        public static final String ACTIVATION_EMAIL = ProcessVariables.ACTIVATION_EMAIL;
        public static final String DECIDED_BY = ProcessVariables.DECIDED_BY;
        public static final String ORGANIZATION_ID = ProcessVariables.ORGANIZATION_ID;
        public static final String USER_ID = ProcessVariables.USER_ID;

        private Variables() {}
    }

    /** Messages the activation module correlates by {@code userId}. */
    public static final class Messages {
        public static final String ACCOUNT_ACTIVATED = ActivationMessages.ACCOUNT_ACTIVATED;
        public static final String ACTIVATION_LINK_REQUESTED = ActivationMessages.ACTIVATION_LINK_REQUESTED;

        private Messages() {}
    }
}

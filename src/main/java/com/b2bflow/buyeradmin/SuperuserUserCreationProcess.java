package com.b2bflow.buyeradmin;

import com.b2bflow.activation.ActivationMessages;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationFlow;

/**
 * The contract of {@code processes/superuser-user-creation.bpmn}: a buyer created by a Buyer Administrator (or a CSR
 * on their behalf) gets an activation link. It starts with the {@link com.b2bflow.registration.StartVariables} (the
 * organization is the one the buyer is created in) plus who created the buyer with which roles.
 */
public final class SuperuserUserCreationProcess {

    public static final String KEY = RegistrationFlow.SUPERUSER.processKey();
    public static final String FILE = "superuser-user-creation.bpmn";

    private SuperuserUserCreationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_BUYER = "Task_CreateBuyer";
        public static final String TASK_AWAIT_ACTIVATION = "Task_AwaitActivation";

        private Elements() {}
    }

    public static final class Variables {
        public static final String ORGANIZATION_ID = ProcessVariables.ORGANIZATION_ID;
        public static final String USER_ID = ProcessVariables.USER_ID;
        public static final String ROLES = ProcessVariables.ROLES;
        public static final String CREATED_BY = ProcessVariables.CREATED_BY;
        public static final String ON_BEHALF_OF = ProcessVariables.ON_BEHALF_OF;

        private Variables() {}
    }

    /** Messages the activation module correlates by {@code userId}. */
    public static final class Messages {
        public static final String ACCOUNT_ACTIVATED = ActivationMessages.ACCOUNT_ACTIVATED;
        public static final String ACTIVATION_LINK_REQUESTED = ActivationMessages.ACTIVATION_LINK_REQUESTED;

        private Messages() {}
    }
}

package com.b2bflow.cloudsuite;

import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationFlow;

/**
 * The contract of {@code processes/shop-registration.bpmn}: the complete shop registration, approved at once.
 * It starts with the {@link com.b2bflow.registration.StartVariables}.
 */
public final class ShopRegistrationProcess {

    public static final String KEY = RegistrationFlow.SHOP.processKey();
    public static final String FILE = "shop-registration.bpmn";

    private ShopRegistrationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_ORGANIZATION = "Task_CreateOrganization";
        public static final String TASK_CREATE_ADMINISTRATOR = "Task_CreateAdministrator";
        public static final String TASK_ACTIVATE_CUSTOMER = "Task_ActivateCustomer";

        private Elements() {}
    }

    /** Set by its creation steps. */
    public static final class Variables {
        public static final String ORGANIZATION_ID = ProcessVariables.ORGANIZATION_ID;
        public static final String USER_ID = ProcessVariables.USER_ID;

        private Variables() {}
    }
}

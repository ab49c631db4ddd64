package com.b2bflow.customerservice;

/**
 * The contract of {@code processes/customer-service-notification.bpmn}: tells a customer that customer service
 * accessed or disabled their account, or that staff enabled it again. Business key: {@code audit-<audit event id>}.
 */
public final class CustomerServiceNotificationProcess {

    public static final String KEY = "customerServiceNotification";
    public static final String FILE = "customer-service-notification.bpmn";

    private CustomerServiceNotificationProcess() {}

    public static final class Variables {
        /** {@link Actions#ACCESSED}, {@link Actions#DISABLED} or {@link Actions#ENABLED}: the gateway routes on it. */
        public static final String ACTION = "action";

        public static final String USER_ID = "userId";
        public static final String CSR_NAME = "csrName";
        public static final String REASON = "reason";
        public static final String OCCURRED_AT = "occurredAt";
        public static final String ORGANIZATION_NAME = "organizationName";
        public static final String APPLICANT_NAME = "applicantName";

        private Variables() {}
    }

    /** Values of {@link Variables#ACTION}. */
    public static final class Actions {
        public static final String ACCESSED = "ACCESSED";
        public static final String DISABLED = "DISABLED";
        public static final String ENABLED = "ENABLED";

        private Actions() {}
    }
}

package com.b2bflow.privacy;

import com.b2bflow.registration.ProcessVariables;

/**
 * The contract of {@code processes/registration-withdrawal.bpmn}: confirms a withdrawal to the applicant. It starts
 * with {@link Variables#REGISTRATION_ID} only; business key: the registration id.
 */
public final class RegistrationWithdrawalProcess {

    public static final String KEY = "registrationWithdrawal";
    public static final String FILE = "registration-withdrawal.bpmn";

    private RegistrationWithdrawalProcess() {}

    public static final class Variables {
        public static final String REGISTRATION_ID = ProcessVariables.REGISTRATION_ID;

        private Variables() {}
    }
}

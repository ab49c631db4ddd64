package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;

public class RegistrationAlreadyDecidedException extends RuntimeException {

    public RegistrationAlreadyDecidedException(String registrationId, ApprovalState state) {
        super("Registration " + registrationId + " was already decided: " + state);
    }
}

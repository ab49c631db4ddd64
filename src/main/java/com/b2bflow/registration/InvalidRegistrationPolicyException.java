package com.b2bflow.registration;

/** Stops start-up: the message names the configuration key at fault. */
public class InvalidRegistrationPolicyException extends RuntimeException {

    public InvalidRegistrationPolicyException(String key, String problem) {
        super("Invalid registration policy at '" + key + "': " + problem);
    }
}

package com.b2bflow.activation;

/** What a password reset link is, without using it: {@code reason} is null while it can be used. */
record PasswordResetLink(OneTimeLinkGoneException.Reason reason, String logonId) {

    boolean usable() {
        return reason == null;
    }
}

package com.b2bflow.activation;

/**
 * What an activation link is, without using it: {@code reason} is null while it can be used.
 */
public record ActivationLink(OneTimeLinkGoneException.Reason reason, String logonId, String displayName) {

    public boolean usable() {
        return reason == null;
    }
}

package com.b2bflow.activation;

/**
 * BPMN messages about activation. A flow that waits for its user's activation subscribes to them with a process
 * variable {@code userId} (a Long): {@link #ACCOUNT_ACTIVATED} when the password is set, and
 * {@link #ACTIVATION_LINK_REQUESTED} when the user asks for a new link (the flow then sends it, e.g. with the
 * {@code ${sendActivationEmail}} delegate). Without such a flow a requested link is mailed directly.
 */
public final class ActivationMessages {

    public static final String ACCOUNT_ACTIVATED = "AccountActivated";
    public static final String ACTIVATION_LINK_REQUESTED = "ActivationLinkRequested";
    public static final String USER_ID = "userId";

    private ActivationMessages() {}
}

package com.b2bflow.registration;

/**
 * Submits registrations of some flows. Each flow has one submitter bean; the JSON API, the HCL-compatible URLs and
 * the storefront pages find it through {@link RegistrationSubmitters}.
 */
public interface RegistrationSubmitter {

    boolean supports(RegistrationFlow flow);

    SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request);
}

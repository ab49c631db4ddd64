package com.b2bflow.registration;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The submitter of each publicly submitted flow. */
@Component
public class RegistrationSubmitters {

    private final List<RegistrationSubmitter> submitters;

    public RegistrationSubmitters(List<RegistrationSubmitter> submitters) {
        this.submitters = submitters;
    }

    public Optional<RegistrationSubmitter> forFlow(RegistrationFlow flow) {
        return submitters.stream().filter(submitter -> submitter.supports(flow)).findFirst();
    }

    public boolean supports(RegistrationFlow flow) {
        return forFlow(flow).isPresent();
    }

    public SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
        return forFlow(flow)
                .orElseThrow(() -> new IllegalArgumentException("No submitter for " + flow))
                .submit(flow, request);
    }
}

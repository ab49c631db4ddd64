package com.b2bflow.registration;

import com.b2bflow.shared.Texts;
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
                .submit(flow, inRegistrationLanguage(request));
    }

    /**
     * A user who names no language gets the registration's: the language the registration was made in (the page's,
     * the {@code lang} cookie's or the request's {@code Accept-Language}), so that every mail to them speaks it.
     */
    static RegistrationRequest inRegistrationLanguage(RegistrationRequest request) {
        UserData user = request.user();
        if (user == null
                || (user.preferredLanguage() != null
                        && !user.preferredLanguage().isBlank())) {
            return request;
        }
        return new RegistrationRequest(
                request.organization(),
                user.withPreferredLanguage(Texts.locale().getLanguage()),
                request.address(),
                request.previousRegistrationId(),
                request.hcl());
    }
}

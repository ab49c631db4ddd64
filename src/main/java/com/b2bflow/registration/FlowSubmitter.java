package com.b2bflow.registration;

import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.shared.ConstraintConflicts;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The order every submitter keeps: validate the request; answer a taken logon id or name of a new registration
 * before the deliberately slow password hash; then, in one transaction with the hash, save the registration and
 * start its process ({@link RegistrationApplicants#submitInTransaction}), where a unique violation that lost a race
 * becomes the same 409 as the up-front check. A flow's submitter says only what differs: which names it checks and
 * reserves, and what its process will create.
 */
public abstract class FlowSubmitter implements RegistrationSubmitter {

    private final Set<RegistrationFlow> flows;
    protected final RegistrationValidator validator;
    protected final RegistrationPolicies policies;
    protected final RegistrationApplicants applicants;

    protected FlowSubmitter(
            Set<RegistrationFlow> flows,
            RegistrationValidator validator,
            RegistrationPolicies policies,
            RegistrationApplicants applicants) {
        this.flows = Set.copyOf(flows);
        this.validator = validator;
        this.policies = policies;
        this.applicants = applicants;
    }

    @Override
    public final boolean supports(RegistrationFlow flow) {
        return flows.contains(flow);
    }

    @Override
    public final SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
        if (!supports(flow)) {
            throw new UnsupportedOperationException("Flow " + flow + " is not submitted here");
        }
        validator.validate(request, true);
        checkRequest(flow, request);
        if (!isCorrection(request)) {
            checkNamesFree(flow, request);
        }
        return applicants.submitInTransaction(request.user(), reservedNames(flow, request), (id, passwordHash) -> {
            try {
                return submitInTransaction(id, flow, request, passwordHash);
            } catch (DataIntegrityViolationException e) {
                throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
            }
        });
    }

    /** What this flow refuses beyond the validator's rules; nothing by default. */
    protected void checkRequest(RegistrationFlow flow, RegistrationRequest request) {}

    /** 409 for a taken logon id or name of a new registration, answered before the password is hashed. */
    protected abstract void checkNamesFree(RegistrationFlow flow, RegistrationRequest request);

    /** The names this submission reserves until its process has created what carries them. */
    protected abstract ReservedNames reservedNames(RegistrationFlow flow, RegistrationRequest request);

    /** Saves the registration and starts its process; runs inside the submission's transaction. */
    protected abstract SubmittedRegistration submitInTransaction(
            String id, RegistrationFlow flow, RegistrationRequest request, PendingPasswordHash passwordHash);

    /** The registration record of this submission, correcting {@code previous} when it is not null. */
    protected final Registration newRegistration(
            String id, RegistrationFlow flow, RegistrationRequest request, String email, Registration previous) {
        // HCL's URLs require no email address (ADR 0024)
        Registration registration = new Registration(id, flow, applicants.submittedData(request), blankToNull(email));
        registration.setPreviousRegistration(previous);
        registration.recordConsent(blankToNull(request.consentVersion()));
        return registration;
    }

    private static boolean isCorrection(RegistrationRequest request) {
        return request.previousRegistrationId() != null
                && !request.previousRegistrationId().isBlank();
    }
}

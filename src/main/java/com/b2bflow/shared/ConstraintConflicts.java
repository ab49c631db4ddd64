package com.b2bflow.shared;

import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;

/** Turns a unique-constraint violation that lost a race into the same 409 the up-front check gives. */
public final class ConstraintConflicts {

    private ConstraintConflicts() {}

    public static Optional<RegistrationConflictException> translate(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("uk_member_user_logon_id")) {
            return Optional.of(RegistrationConflictException.logonIdTaken());
        }
        if (message.contains("uk_organization_name_under_parent")) {
            return Optional.of(RegistrationConflictException.organizationNameTaken());
        }
        if (message.contains("uk_organization_erp_customer_number")) {
            return Optional.of(new RegistrationConflictException(
                    "organization.erpCustomerNumber", "An organization with this ERP customer number already exists"));
        }
        if (message.contains("uk_registration_resubmission")) {
            return Optional.of(new RegistrationConflictException(
                    "previousRegistrationId", "This registration was already corrected and submitted again"));
        }
        return Optional.empty();
    }
}

package com.b2bflow.privacy;

/** Erasing this user would leave an approved organization without an active administrator. */
public class LastAdministratorException extends RuntimeException {

    public LastAdministratorException(long organizationId) {
        super("This user is the last active administrator of approved organization " + organizationId
                + ": appoint another administrator or delete the organization first");
    }
}

package com.b2bflow.privacy;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Erasing this user would leave an approved organization without an active administrator. */
public class LastAdministratorException extends ProblemException {

    public LastAdministratorException(long organizationId) {
        super(
                HttpStatus.CONFLICT,
                "This user is the last active administrator of approved organization " + organizationId
                        + ": appoint another administrator or delete the organization first",
                List.of());
    }
}

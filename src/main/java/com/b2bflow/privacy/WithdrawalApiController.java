package com.b2bflow.privacy;

import com.b2bflow.registration.RegistrationQueries;
import com.b2bflow.registration.RegistrationStatus;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An applicant withdraws a pending registration (public: they cannot sign in while pending). */
@RestController
@ProblemResponses
@RequestMapping("/api/registrations")
@Tag(name = "Registrations")
class WithdrawalApiController {

    private final Withdrawals withdrawals;
    private final RegistrationQueries queries;

    WithdrawalApiController(Withdrawals withdrawals, RegistrationQueries queries) {
        this.withdrawals = withdrawals;
        this.queries = queries;
    }

    @PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Withdraw a pending registration",
            description = "Body {logonId, password}: the applicant's credentials from the registration. 200 with the "
                    + "registration's status (state WITHDRAWN); the process ends and a confirmation is mailed. 403 "
                    + "with one message for a wrong id, logon id or password (counted like a failed sign-in); 409 "
                    + "when the registration is no longer pending; 429 after too many failures from one address.")
    RegistrationStatus withdraw(
            @PathVariable String id, @RequestBody @Valid WithdrawalRequest request, HttpServletRequest http) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                request.logonId() == null ? "" : request.logonId().strip(),
                request.password() == null ? "" : request.password());
        attempt.setDetails(new WebAuthenticationDetails(http));
        withdrawals.withdraw(id, attempt);
        return queries.status(id).orElseThrow();
    }
}

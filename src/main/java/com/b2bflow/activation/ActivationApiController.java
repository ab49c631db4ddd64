package com.b2bflow.activation;

import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.PlainText;
import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.Texts;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@RequestMapping("/api/activation")
@Tag(name = "Activation", description = "Set the password through a one-time activation link; ask for a new link")
class ActivationApiController {

    static final String RENEWAL_ANSWER = "If an account with this logon ID or email address is waiting for activation, "
            + "a new activation link is on its way to the account's email address.";

    private final ActivationService activation;
    private final ActivationRenewals renewals;
    private final Texts texts;

    ActivationApiController(ActivationService activation, ActivationRenewals renewals, Texts texts) {
        this.activation = activation;
        this.renewals = renewals;
        this.texts = texts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set the password with the token of an activation link",
            description = "204 when done; 400 with field errors (password policy); 410 when the link was already used, "
                    + "has expired or is unknown.")
    ResponseEntity<Void> activate(@RequestBody @Valid ActivationRequest request) {
        if (request.passwordVerify() != null && !request.passwordVerify().equals(request.password())) {
            throw InvalidRegistrationException.of("passwordVerify", texts.get("validation.passwordsDiffer"));
        }
        try {
            activation.activate(request.token(), request.password());
        } catch (OptimisticLockingFailureException raced) {
            // two requests raced for one link: the loser's link is used
            throw OneTimeLinkGoneException.activation(OneTimeLinkGoneException.Reason.USED);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/renewal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ask for a new activation link",
            description = "202 in every case (whether or not such an account exists); the link goes to the account's "
                    + "own email address. 400 when neither logonId nor email is given.")
    ResponseEntity<RenewalAnswer> renew(@RequestBody @Valid RenewalRequest request) {
        String identifier =
                request.logonId() != null && !request.logonId().isBlank() ? request.logonId() : request.email();
        if (identifier == null || identifier.isBlank()) {
            throw new InvalidRegistrationException(
                    List.of(new FieldProblem("logonId", texts.get("activate.identifierMissing"))));
        }
        renewals.request(identifier);
        return ResponseEntity.accepted().body(new RenewalAnswer(RENEWAL_ANSWER));
    }

    @PlainText
    record ActivationRequest(
            String token,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String password,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String passwordVerify) {

        @Override
        public String toString() {
            return "ActivationRequest[…]";
        }
    }

    @PlainText
    record RenewalRequest(String logonId, String email) {}

    record RenewalAnswer(String message) {}
}

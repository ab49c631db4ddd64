package com.b2bflow.activation;

import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.PlainText;
import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.Texts;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@RequestMapping("/api/password-reset")
@Tag(name = "Password reset", description = "Forgot your password: a one-time link by mail, then a new password")
class PasswordResetApiController {

    static final String ANSWER = "If a storefront account has this logon ID, a link to choose a new password is on its "
            + "way to the account's email address. Staff reset their passwords through their administrator.";

    private final PasswordResets resets;

    PasswordResetApiController(PasswordResets resets) {
        this.resets = resets;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ask for a password reset link",
            description = "202 with the same body whether or not the logon ID exists; the link goes to the account's "
                    + "own email address and works once, for app.password-reset.ttl. 400 without a logonId.")
    ResponseEntity<Answer> request(@RequestBody @Valid ResetRequest request) {
        if (request.logonId() == null || request.logonId().isBlank()) {
            throw InvalidRegistrationException.of("logonId", Texts.text("reset.logonIdMissing"));
        }
        resets.request(request.logonId());
        return ResponseEntity.accepted().body(new Answer(ANSWER));
    }

    @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a new password with the token of a reset link",
            description = "204 when done (a sign-in lock is lifted too); 400 naming each rule of the password policy "
                    + "the password breaks; 410 when the link was used, has expired or is unknown.")
    ResponseEntity<Void> confirm(@RequestBody @Valid ConfirmRequest request) {
        try {
            resets.confirm(request.token(), request.password());
        } catch (OptimisticLockingFailureException raced) {
            // two requests raced for one link: the loser's link is used
            throw OneTimeLinkGoneException.passwordReset(OneTimeLinkGoneException.Reason.USED);
        }
        return ResponseEntity.noContent().build();
    }

    @PlainText
    record ResetRequest(String logonId) {}

    @PlainText
    record ConfirmRequest(
            String token,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String password) {

        @Override
        public String toString() {
            return "ConfirmRequest[…]";
        }
    }

    record Answer(String message) {}
}

package com.b2bflow.buyeradmin;

import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.registration.UserData;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@ProblemResponses
@Tag(name = "Invitations")
class InvitationAcceptanceApiController {

    private final InvitationAcceptance acceptance;

    InvitationAcceptanceApiController(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @PostMapping(path = "/api/invitations/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register through an invitation (starts buyerInvitation)",
            description = "{user: {logonId, password, passwordVerify?, firstName, middleName, lastName, email?, "
                    + "phone, preferredLanguage}, consentVersion}, the user of a registration with its rules; the email "
                    + "is the invitation's (another one is a 400 on user.email). consentVersion is required: the "
                    + "version of the terms and privacy notice the invitee agreed to (the current one, kept with the "
                    + "time; without it a 400 naming consentVersion). 201 {id, state: APPROVED}: the buyer may sign in "
                    + "at once. 400 naming the field; 409 logon id taken; 410 used, revoked, expired or unknown "
                    + "invitation.")
    ResponseEntity<SubmittedRegistration> accept(@PathVariable String token, @RequestBody Acceptance body) {
        SubmittedRegistration registered = acceptance.accept(token, body.user(), body.consentVersion());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/registrations/{id}")
                        .build(registered.id()))
                .body(registered);
    }

    /** The body: the {@code user} object of a registration and the version of the terms agreed to. */
    record Acceptance(UserData user, String consentVersion) {}
}

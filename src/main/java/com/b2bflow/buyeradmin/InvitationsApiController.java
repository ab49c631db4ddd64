package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A buyer administrator's (or a CSR's on their behalf) invitations into the organizations they administer. */
@RestController
@ProblemResponses
@RequestMapping("/api/me/organizations/{id}/invitations")
@Tag(
        name = "Invitations",
        description = "Invite people by email to register into an administered organization; "
                + "list the invitations with their state (PENDING, ACCEPTED, REVOKED, EXPIRED); revoke one. Outside the "
                + "administered subtree: 404.")
class InvitationsApiController {

    private final Invitations invitations;

    InvitationsApiController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Invite someone by email",
            description = "{email}. Mails a link to /store/invitations/{token}, valid for app.invitations.ttl. 201 "
                    + "{id, expiresAt}; 400 naming the field; 503 when the mail could not be sent (nothing saved).")
    ResponseEntity<Created> invite(Actor actor, @PathVariable long id, @RequestBody Invitations.NewInvitation request) {
        InvitationView invitation = invitations.invite(actor, id, request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/me/organizations/{id}/invitations")
                        .build(id))
                .body(new Created(invitation.id(), invitation.expiresAt()));
    }

    @GetMapping
    @Operation(summary = "The organization's invitations, newest first, with their state")
    List<InvitationView> list(Actor actor, @PathVariable long id) {
        return invitations.list(actor, id);
    }

    @DeleteMapping("/{invitationId}")
    @Operation(
            summary = "Revoke a pending invitation",
            description = "204; its link answers 410 from then on. Again: 204. Accepted or expired: 409.")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable long id, @PathVariable long invitationId) {
        invitations.revoke(actor, id, invitationId);
        return ResponseEntity.noContent().build();
    }

    record Created(long id, Instant expiresAt) {}
}

package com.b2bflow.privacy;

import com.b2bflow.access.Actor;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** GDPR: data export for the signed-in user and for staff; erasure by staff. */
@RestController
@ProblemResponses
@Tag(name = "Privacy", description = "Data export (access requests) and erasure of a registrant's personal data")
class PersonalDataApiController {

    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;

    PersonalDataApiController(PersonalDataExport export, PersonalDataErasure erasure) {
        this.export = export;
        this.erasure = erasure;
    }

    @GetMapping("/api/me/data")
    @Operation(summary = "All data kept about the signed-in storefront user, as JSON (no password hash or tokens)")
    ResponseEntity<Map<String, Object>> myData(Actor actor) {
        if (!actor.authenticated() || actor.isOnBehalf() || actor.inStorefront().userId() == null) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Only a storefront user exports their own data (staff: GET /api/staff/users/{id}/data)");
        }
        return download(
                export.own(actor.userId())
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No storefront user")),
                actor.userId());
    }

    @GetMapping("/api/staff/users/{id}/data")
    @Operation(
            summary = "A registrant's data for a data-subject request (seller/site admins, customer service)",
            description = "Works for any storefront user, including pending, rejected and withdrawn registrants who "
                    + "cannot sign in. Audited as PERSONAL_DATA_EXPORTED.")
    ResponseEntity<Map<String, Object>> userData(Actor actor, @PathVariable long id) {
        return download(
                export.forStaff(id, actor.id())
                        .orElseThrow(() ->
                                new ResponseStatusException(HttpStatus.NOT_FOUND, "No storefront user with this id")),
                id);
    }

    @DeleteMapping("/api/staff/users/{id}/personal-data")
    @Operation(
            summary = "Erase a registrant's personal data on request (seller/site admins)",
            description = "Anonymizes the user (placeholder logon id and email; disabled), erases their registrations' "
                    + "submissions and process history, an unapproved organization they registered, mail records "
                    + "and audit details; a pending registration is withdrawn. 204; 404 for an unknown user; 409 "
                    + "when the user is the last active administrator of an approved organization with other active "
                    + "members. Audited as PERSONAL_DATA_ERASED. Repeating it is harmless.")
    ResponseEntity<Void> erase(Actor actor, @PathVariable long id) {
        erasure.eraseOnRequest(id, actor.id())
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No storefront user with this id"));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Map<String, Object>> download(Map<String, Object> data, long userId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + userId + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data);
    }
}

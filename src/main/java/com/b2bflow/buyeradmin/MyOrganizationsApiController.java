package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.shared.PlainText;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Organizations and Buyers as JSON, for scripts and single-page clients: the signed-in Buyer Administrator's (or,
 * while a CSR acts on their behalf, the customer's) organization subtree and buyers. Session cookie; CSRF as in
 * Spring Security's single-page-app set-up (cookie {@code XSRF-TOKEN}, sent back raw in {@code X-XSRF-TOKEN}).
 */
@RestController
@ProblemResponses
@RequestMapping("/api/me")
@Tag(
        name = "My organizations and buyers",
        description = "Buyer administration (My Account → Organizations and Buyers), also used by a CSR acting on "
                + "behalf of a Buyer Administrator. Outside the administered subtree: 404. Deleting and role "
                + "changes: 403, ask a seller or site administrator (/api/staff).")
class MyOrganizationsApiController {

    private final BuyerAdministration administration;
    private final SellerAdministration sellerAdministration;

    MyOrganizationsApiController(BuyerAdministration administration, SellerAdministration sellerAdministration) {
        this.administration = administration;
        this.sellerAdministration = sellerAdministration;
    }

    @GetMapping("/organizations")
    @Operation(
            summary = "The administered organization hierarchy",
            description = "Without parentId: the administrator's organization and everything below it, depth-first "
                    + "(depth 0 is the top). With parentId: that organization's children.")
    List<OrganizationView> organizations(Actor actor, @RequestParam(required = false) Long parentId) {
        return administration.organizations(actor, parentId);
    }

    @PostMapping(path = "/organizations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a sub-organization",
            description = "{name, parentId, description, businessCategory, taxId, emailDomain, address}; parentId "
                    + "defaults to the administrator's organization. 201; 400 field errors; 409 name taken under "
                    + "that parent.")
    ResponseEntity<OrganizationView> create(Actor actor, @RequestBody OrganizationChanges changes) {
        OrganizationView created = administration.createOrganization(actor, changes);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/me/organizations/{id}")
                        .build(created.id()))
                .body(created);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "An organization's details")
    OrganizationView organization(Actor actor, @PathVariable long id) {
        return administration.organization(actor, id);
    }

    @PatchMapping(path = "/organizations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit an organization's details", description = "Only the fields sent change.")
    OrganizationView update(Actor actor, @PathVariable long id, @RequestBody OrganizationChanges changes) {
        return administration.updateOrganization(actor, id, changes);
    }

    @DeleteMapping("/organizations/{id}")
    @Operation(
            summary = "Refused: buyer administrators cannot delete organizations (403)",
            description = "Reserved to staff: a seller or site administrator (DELETE /api/staff/organizations/{id}).")
    ResponseEntity<Void> deleteOrganization(Actor actor, @PathVariable long id) {
        sellerAdministration.deleteOrganization(actor.inStorefront(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organizations/{id}/buyers")
    @Operation(summary = "Search an organization's buyers", description = "q matches name, logon id or email.")
    List<BuyerView> buyers(Actor actor, @PathVariable long id, @RequestParam(required = false) String q) {
        return administration.buyers(actor, id, q);
    }

    @PostMapping(path = "/organizations/{id}/buyers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a buyer (starts superuserUserCreation)",
            description = "{logonId, firstName, lastName, email, phone, preferredLanguage, roles}; roles from "
                    + "GET /api/me/buyer-roles?organizationId={id} (400 naming any other role), given now and not changeable later here. The buyer is enabled at once "
                    + "and gets an activation email to choose a password. 201 {id, ..., registrationId}; 400; 409 "
                    + "logon id taken.")
    ResponseEntity<CreatedBuyerResponse> createBuyer(Actor actor, @PathVariable long id, @RequestBody NewBuyer buyer) {
        BuyerAdministration.CreatedBuyer created = administration.createBuyer(actor, id, buyer);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/me/buyers/{id}")
                        .build(created.buyer().id()))
                .body(CreatedBuyerResponse.of(created));
    }

    @GetMapping("/buyer-roles")
    @Operation(
            summary = "The roles a new buyer of an organization can be given",
            description = "organizationId: one of the organizations you administer (default: your own). The roles a "
                    + "seller administrator assigned to it, or to the nearest organization above it that has some.")
    List<String> buyerRoles(Actor actor, @RequestParam(required = false) Long organizationId) {
        return administration.selectableRoles(
                actor,
                organizationId != null ? organizationId : actor.inStorefront().organizationId());
    }

    @GetMapping("/buyers/{id}")
    @Operation(summary = "A buyer's details")
    BuyerView buyer(Actor actor, @PathVariable long id) {
        return administration.buyer(actor, id);
    }

    @PatchMapping(path = "/buyers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Edit a buyer's details, or enable/disable them",
            description = "{firstName, middleName, lastName, email, phone, preferredLanguage, enabled}; only the "
                    + "fields sent change. Sending roles is a 403: roles are given when a buyer is created.")
    BuyerView updateBuyer(Actor actor, @PathVariable long id, @RequestBody BuyerChanges changes) {
        return administration.updateBuyer(actor, id, changes);
    }

    @PutMapping(path = "/buyers/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Refused: roles cannot change after creation (403)",
            description = "Reserved to staff: ask a seller or site administrator (PUT /api/staff/users/{id}/roles).")
    BuyerView roles(Actor actor, @PathVariable long id, @RequestBody @Valid RolesRequest request) {
        return sellerAdministration.setRoles(actor.inStorefront(), id, request.roles());
    }

    @DeleteMapping("/buyers/{id}")
    @Operation(
            summary = "Refused: buyer administrators cannot delete buyers (403)",
            description = "Reserved to staff: ask a seller or site administrator (DELETE /api/staff/users/{id}).")
    ResponseEntity<Void> deleteBuyer(Actor actor, @PathVariable long id) {
        sellerAdministration.deleteBuyer(actor.inStorefront(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organizations/{id}/customer-service-history")
    @Operation(
            summary = "What customer service did in this organization and below",
            description = "Every action a CSR took on behalf of the organization's administrators (or to them), with "
                    + "the CSR, the customer, the reason and before/after. Buyer administrators only.")
    List<CustomerServiceEvent> history(Actor actor, @PathVariable long id) {
        return administration.customerServiceHistory(actor, id);
    }

    @PlainText
    record RolesRequest(List<String> roles) {}

    record CreatedBuyerResponse(
            long id,
            String logonId,
            String firstName,
            String lastName,
            String email,
            boolean enabled,
            List<String> roles,
            long organizationId,
            String registrationId) {

        static CreatedBuyerResponse of(BuyerAdministration.CreatedBuyer created) {
            BuyerView b = created.buyer();
            return new CreatedBuyerResponse(
                    b.id(),
                    b.logonId(),
                    b.firstName(),
                    b.lastName(),
                    b.email(),
                    b.enabled(),
                    b.roles(),
                    b.organizationId(),
                    created.registrationId());
        }
    }
}

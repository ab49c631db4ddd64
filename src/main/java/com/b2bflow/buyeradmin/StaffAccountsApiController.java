package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the act-on-behalf rules reserve to seller and site administrators. HTTP Basic against Camunda identity. */
@RestController
@ProblemResponses
@RequestMapping("/api/staff")
@Tag(name = "Staff: accounts", description = "Role changes and deletions reserved to seller-admins and site-admins")
class StaffAccountsApiController {

    private final SellerAdministration administration;

    StaffAccountsApiController(SellerAdministration administration) {
        this.administration = administration;
    }

    @PutMapping(path = "/users/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a storefront user's roles", description = "{roles: [...]} from the configured roles.")
    BuyerView roles(
            Actor actor, @PathVariable long id, @RequestBody @Valid MyOrganizationsApiController.RolesRequest request) {
        return administration.setRoles(actor, id, request.roles());
    }

    @GetMapping("/organizations/{id}/roles")
    @Operation(
            summary = "The roles an organization's buyer administrators may give",
            description = "Its own roles, or those of the nearest organization above it that has some, or the "
                    + "seller's default (own: [], inherited: true).")
    OrganizationRoles organizationRoles(Actor actor, @PathVariable long id) {
        return administration.organizationRoles(actor, id);
    }

    @PutMapping(path = "/organizations/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Replace the roles an organization's buyer administrators may give",
            description = "{roles: [...]} from the configured roles; [] makes the organization inherit again. "
                    + "400 names an unknown role.")
    OrganizationRoles setOrganizationRoles(
            Actor actor, @PathVariable long id, @RequestBody @Valid MyOrganizationsApiController.RolesRequest request) {
        return administration.setOrganizationRoles(actor, id, request.roles());
    }

    @DeleteMapping("/users/{id}")
    @Operation(summary = "Delete a storefront user", description = "409 while a registration of theirs is pending.")
    ResponseEntity<Void> deleteUser(Actor actor, @PathVariable long id) {
        administration.deleteBuyer(actor, id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/organizations/{id}")
    @Operation(
            summary = "Delete an empty organization",
            description = "409 while it has buyers or sub-organizations, or when it is a registration parent.")
    ResponseEntity<Void> deleteOrganization(Actor actor, @PathVariable long id) {
        administration.deleteOrganization(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/customer-service-events")
    @Operation(summary = "Everything customer service did, newest first")
    List<CustomerServiceEvent> customerServiceEvents(Actor actor) {
        return administration.customerServiceHistory(actor);
    }
}

package com.b2bflow.customerservice;

import com.b2bflow.access.Actor;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seller and site administrators enable a disabled storefront account again (HTTP Basic, like all /api/staff): the
 * same action as customer service's, through {@link CustomerService#enable}, for any buyer, not only administrators.
 */
@RestController
@ProblemResponses
@RequestMapping("/api/staff")
@Tag(name = "Staff: accounts")
class StaffEnableApiController {

    private final CustomerService customerService;

    StaffEnableApiController(CustomerService customerService) {
        this.customerService = customerService;
    }

    @PostMapping(path = "/users/{id}/enable", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Enable a disabled storefront account again",
            description = "{reason} required: 400 without; 409 unless the account's registration is approved. The "
                    + "customer is told by email; audited as CUSTOMER_ENABLED with who and why.")
    CustomerView enable(Actor actor, @PathVariable long id, @RequestBody @Valid ReasonRequest request) {
        return customerService.enable(actor, id, request.reason());
    }
}

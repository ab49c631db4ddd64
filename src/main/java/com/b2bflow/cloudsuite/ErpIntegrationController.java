package com.b2bflow.cloudsuite;

import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@ProblemResponses
@RequestMapping("/api/integration")
@Tag(
        name = "ERP integration",
        description = "HTTP Basic, members of the integration group. Pending ERP approvals "
                + "are Camunda external tasks on topic erp-registration (fetch-and-lock through /engine-rest).")
class ErpIntegrationController {

    private final ErpCustomerService customers;

    ErpIntegrationController(ErpCustomerService customers) {
        this.customers = customers;
    }

    @PostMapping(path = "/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a customer entered in the ERP (external registration)",
            description = "Creates organization (with its ERP customer number), address and user, approved; the user "
                    + "has no password and, with sendActivationEmail, gets a one-time activation link. 201 with the "
                    + "registration id; 400 with field errors; 409 when the ERP customer number (the answer then "
                    + "names the existing registrationId), the logon id or the organization name is taken.")
    ResponseEntity<SubmittedRegistration> create(
            @RequestBody ErpCustomerRequest request, Authentication authentication) {
        SubmittedRegistration created = customers.create(request, authentication.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/registrations/{id}")
                        .build(created.id()))
                .body(created);
    }
}

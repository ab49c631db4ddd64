package com.b2bflow.registration;

import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@ProblemResponses
@RequestMapping("/api/registrations")
@Tag(name = "Registrations", description = "Submit a registration in any public flow and follow its state")
class RegistrationApiController {

    private final RegistrationSubmitters registrations;
    private final RegistrationQueries queries;

    RegistrationApiController(RegistrationSubmitters registrations, RegistrationQueries queries) {
        this.registrations = registrations;
        this.queries = queries;
    }

    @PostMapping(path = "/{flow}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit a registration",
            description = "flow: organization, reseller, buyer, shop, erp-approval, shop-approval. 201 with the "
                    + "registration id; 400 with field errors; 409 when the logon id or organization is taken.")
    ResponseEntity<SubmittedRegistration> submit(@PathVariable String flow, @RequestBody RegistrationRequest request) {
        RegistrationFlow registrationFlow = RegistrationFlow.fromPathSegment(flow)
                .filter(registrations::supports)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration flow '" + flow + "'"));
        SubmittedRegistration submitted = registrations.submit(registrationFlow, request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/registrations/{id}")
                        .build(submitted.id()))
                .body(submitted);
    }

    @GetMapping("/{id}")
    @Operation(summary = "State of a registration: PENDING, APPROVED or REJECTED, with the decision's reason")
    RegistrationStatus status(@PathVariable String id) {
        return queries.status(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration with this id"));
    }
}

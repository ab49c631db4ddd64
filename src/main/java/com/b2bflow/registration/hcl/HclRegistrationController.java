package com.b2bflow.registration.hcl;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationQueries;
import com.b2bflow.registration.RegistrationStatus;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.Problems;
import com.b2bflow.shared.RegistrationConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The HCL Commerce registration URLs, for storefronts and integrations written against them. POST only
 * (passwords never travel in a query string), form-encoded, no session; success is a 303 to the {@code URL}
 * view, which must be one of the known view names (never an open redirect).
 */
@Controller
@ProblemResponses
@RequestMapping("/webapp/wcs/stores/servlet")
@Tag(name = "HCL-compatible registration URLs")
class HclRegistrationController {

    static final String BASE = "/webapp/wcs/stores/servlet/";

    /** Registration URL → its flow and default view. */
    private static final Map<String, RegistrationFlow> URLS = Map.of(
            "BuyerRegistrationAdd", RegistrationFlow.ORGANIZATION,
            "ResellerRegistrationAdd", RegistrationFlow.RESELLER);
    private static final Map<RegistrationFlow, String> DEFAULT_VIEWS = Map.of(
            RegistrationFlow.ORGANIZATION, "OrgRegistrationAddPendingForApprovalView",
            RegistrationFlow.RESELLER, "ResellerRegistrationApprovalView");
    static final List<String> VIEWS = List.of("OrgRegistrationAddPendingForApprovalView",
            "ResellerRegistrationApprovalView", "RegistrationPendingView");

    private final RegistrationSubmitters registrations;
    private final RegistrationQueries queries;

    HclRegistrationController(RegistrationSubmitters registrations, RegistrationQueries queries) {
        this.registrations = registrations;
        this.queries = queries;
    }

    @PostMapping(path = "/{command:[A-Za-z]+RegistrationAdd}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "BuyerRegistrationAdd / ResellerRegistrationAdd with HCL Commerce's org_ and usr_ parameters")
    ResponseEntity<Void> register(@PathVariable String command, @RequestParam MultiValueMap<String, String> parameters) {
        RegistrationFlow flow = URLS.get(command);
        if (flow == null || !registrations.supports(flow)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown URL " + command);
        }
        String view = parameters.getFirst("URL") == null ? DEFAULT_VIEWS.get(flow) : parameters.getFirst("URL");
        if (!VIEWS.contains(view)) {
            throw InvalidRegistrationException.of("URL", "Unknown view; use one of " + VIEWS);
        }
        SubmittedRegistration submitted = registrations.submit(flow, HclParameters.toRequest(parameters));
        URI location = UriComponentsBuilder.fromPath(BASE + view)
                .queryParam("registrationId", submitted.id()).build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }

    @GetMapping("/{view:[A-Za-z]+View}")
    String view(@PathVariable String view, @RequestParam String registrationId, Model model) {
        if (!VIEWS.contains(view)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RegistrationStatus status = queries.status(registrationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration with this id"));
        model.addAttribute("registration", status);
        return "store/registration-status";
    }

    /** Field errors name the HCL parameter the client sent ({@code usr_logonId}), not the JSON path. */
    @ExceptionHandler(InvalidRegistrationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRegistrationException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Some parameters need your attention",
                HclParameters.renamed(e.problems()));
    }

    @ExceptionHandler(RegistrationConflictException.class)
    ResponseEntity<ProblemDetail> conflict(RegistrationConflictException e) {
        return Problems.problem(HttpStatus.CONFLICT, e.getMessage(), HclParameters.renamed(List.of(e.problem())));
    }
}

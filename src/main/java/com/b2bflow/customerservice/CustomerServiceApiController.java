package com.b2bflow.customerservice;

import com.b2bflow.access.Actor;
import com.b2bflow.access.OnBehalf;
import com.b2bflow.access.OnBehalfSessions;
import com.b2bflow.buyeradmin.CustomerServiceEvent;
import com.b2bflow.buyeradmin.SellerAdministration;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Customer Service page as JSON. Staff session of a {@code customer-service} member (signed in at {@code
 * /store/login}); while acting on behalf, {@code /api/me/**} acts as the customer within the act-on-behalf limits.
 */
@RestController
@ProblemResponses
@RequestMapping("/api/csr")
@Tag(name = "Customer service", description = "Find customers, act on behalf of a Buyer Administrator, disable one")
class CustomerServiceApiController {

    private final CustomerService customerService;
    private final SellerAdministration history;
    private final OnBehalfSessions sessions;

    CustomerServiceApiController(
            CustomerService customerService, SellerAdministration history, OnBehalfSessions sessions) {
        this.customerService = customerService;
        this.history = history;
        this.sessions = sessions;
    }

    @GetMapping("/customers")
    @Operation(summary = "Find customers by name, logon id, email or organization (at most 50)")
    List<CustomerView> customers(Actor actor, @RequestParam(required = false) String q) {
        return customerService.find(actor, q);
    }

    @PostMapping(path = "/customers/{userId}/act-on-behalf", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Access customer's account: act on behalf of a Buyer Administrator",
            description = "{reason} (ticket number or free text) is required: 400 without. 403 unless the customer "
                    + "is a Buyer Administrator. The customer is told by email; every action is audited.")
    OnBehalf actOnBehalf(
            Actor actor,
            @PathVariable long userId,
            @RequestBody @Valid ReasonRequest request,
            HttpServletRequest http) {
        OnBehalf onBehalf = customerService.startOnBehalf(actor, userId, request.reason());
        sessions.start(http, onBehalf);
        return onBehalf;
    }

    @DeleteMapping("/on-behalf")
    @Operation(summary = "Stop acting on behalf")
    ResponseEntity<Void> stop(HttpServletRequest http) {
        sessions.current(http).ifPresent(customerService::stopOnBehalf);
        sessions.stop(http);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/customers/{userId}/disable", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Disable a Buyer Administrator's account", description = "{reason} required: 400 without.")
    CustomerView disable(Actor actor, @PathVariable long userId, @RequestBody @Valid ReasonRequest request) {
        return customerService.disable(actor, userId, request.reason());
    }

    @PostMapping(path = "/customers/{userId}/enable", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Enable a disabled Buyer Administrator's account again",
            description = "{reason} required: 400 without. 403 unless the customer is a Buyer Administrator; 409 "
                    + "unless the account's registration is approved. The customer is told by email; audited with "
                    + "who and why.")
    CustomerView enable(Actor actor, @PathVariable long userId, @RequestBody @Valid ReasonRequest request) {
        return customerService.enable(actor, userId, request.reason());
    }

    @GetMapping("/customer-service-events")
    @Operation(summary = "Everything customer service did, newest first")
    List<CustomerServiceEvent> events(Actor actor) {
        return history.customerServiceHistory(actor);
    }
}

package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.account.ContractTerms;
import com.b2bflow.account.ContractView;
import com.b2bflow.account.Contracts;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's contracts after the set-up: account reps, seller and site admins. HTTP Basic. */
@RestController
@ProblemResponses
@RequestMapping("/api/staff/organizations/{organizationId}/contracts")
@Tag(name = "Staff: contracts", description = "Add, extend and end an organization's contracts (account reps)")
class StaffContractsApiController {

    private final ContractAdministration administration;
    private final Contracts contracts;

    StaffContractsApiController(ContractAdministration administration, Contracts contracts) {
        this.administration = administration;
        this.contracts = contracts;
    }

    record NewContract(String name, String terms, LocalDate validFrom, LocalDate validTo) {}

    record Extension(LocalDate validTo) {}

    record Ending(LocalDate lastDay) {}

    @GetMapping
    @Operation(summary = "The organization's contracts", description = "Of its accounts that are not closed.")
    List<ContractView> list(@PathVariable long organizationId) {
        return contracts.of(organizationId);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a contract",
            description = "{name, terms, validFrom, validTo}: validTo empty = no end;"
                    + " 400 naming the field when a rule is broken (a contract cannot end before it starts).")
    ContractView add(Actor actor, @PathVariable long organizationId, @RequestBody NewContract request) {
        return administration.add(
                actor,
                organizationId,
                new ContractTerms(request.name(), request.terms(), request.validFrom(), request.validTo()));
    }

    @PostMapping(path = "/{contractId}/extend", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Extend a contract",
            description = "{validTo}: a later last day; 409 for a contract with no end.")
    ContractView extend(
            Actor actor,
            @PathVariable long organizationId,
            @PathVariable long contractId,
            @RequestBody Extension request) {
        return administration.extend(actor, organizationId, contractId, request.validTo());
    }

    @PostMapping(path = "/{contractId}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End a contract", description = "{lastDay}: today when empty; not before it starts.")
    ContractView end(
            Actor actor,
            @PathVariable long organizationId,
            @PathVariable long contractId,
            @RequestBody(required = false) Ending request) {
        return administration.end(actor, organizationId, contractId, request == null ? null : request.lastDay());
    }
}

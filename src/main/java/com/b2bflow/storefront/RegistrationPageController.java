package com.b2bflow.storefront;

import com.b2bflow.registration.RegistrationQueries;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The storefront registration pages of the organization, reseller and buyer flows (one template, worded per flow by
 * {@link RegistrationPage}): the forms, their field errors, corrections of rejected registrations, and the result
 * page.
 */
@Controller
class RegistrationPageController {

    private final RegistrationSubmitters registrations;
    private final RegistrationQueries queries;
    private final ObjectMapper json;

    RegistrationPageController(RegistrationSubmitters registrations, RegistrationQueries queries, ObjectMapper json) {
        this.registrations = registrations;
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/store/register/{flow:organization|reseller|buyer}")
    String form(@PathVariable String flow, @RequestParam(required = false) String correct, Model model) {
        RegistrationPage page = RegistrationPage.PAGES.get(flow);
        model.addAttribute("page", page);
        if (correct != null) {
            queries.correctableSubmission(correct, page.flow())
                    .map(this::parse)
                    .ifPresentOrElse(
                            previous -> {
                                model.addAttribute(
                                        "form",
                                        new RegistrationRequest(
                                                previous.organization(), previous.user(), previous.address(), correct));
                                model.addAttribute("correcting", true);
                            },
                            () -> model.addAttribute("notCorrectable", true));
        }
        return "store/register";
    }

    @PostMapping("/store/register/{flow:organization|reseller|buyer}")
    String submit(
            @PathVariable String flow,
            @ModelAttribute("form") RegistrationRequest form,
            Model model,
            HttpServletResponse response) {
        RegistrationPage page = RegistrationPage.PAGES.get(flow);
        model.addAttribute("page", page);
        try {
            return "redirect:/store/registration/"
                    + registrations.submit(page.flow(), form).id();
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
        } catch (RegistrationConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", FieldProblem.byField(List.of(e.problem())));
        }
        return "store/register";
    }

    @GetMapping("/store/registration/{id}")
    String status(@PathVariable String id, Model model) {
        model.addAttribute(
                "registration",
                queries.status(id)
                        .orElseThrow(() ->
                                new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration with this id")));
        return "store/registration-status";
    }

    private RegistrationRequest parse(String submittedData) {
        try {
            return json.readValue(submittedData, RegistrationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored registration data is unreadable", e);
        }
    }
}

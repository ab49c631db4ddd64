package com.b2bflow.storefront;

import com.b2bflow.registration.InvalidRegistrationException;
import com.b2bflow.registration.RegistrationConflictException;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationQueries;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.registration.FieldProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The storefront registration pages: the forms, their field errors, and the result page. */
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

    @GetMapping("/store/register/organization")
    String organizationForm(@RequestParam(required = false) String correct, Model model) {
        if (correct != null) {
            queries.correctableSubmission(correct, RegistrationFlow.ORGANIZATION).map(this::parse).ifPresentOrElse(
                    previous -> {
                        model.addAttribute("form", new RegistrationRequest(previous.organization(), previous.user(),
                                previous.address(), correct));
                        model.addAttribute("correcting", true);
                    },
                    () -> model.addAttribute("notCorrectable", true));
        }
        return "store/register-organization";
    }

    @PostMapping("/store/register/organization")
    String submitOrganization(@ModelAttribute("form") RegistrationRequest form, Model model,
                              HttpServletResponse response) {
        try {
            return "redirect:/store/registration/" + registrations.submit(RegistrationFlow.ORGANIZATION, form).id();
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", byField(e.problems()));
        } catch (RegistrationConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", byField(List.of(e.problem())));
        }
        return "store/register-organization";
    }

    @GetMapping("/store/registration/{id}")
    String status(@PathVariable String id, Model model) {
        model.addAttribute("registration", queries.status(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration with this id")));
        return "store/registration-status";
    }

    private RegistrationRequest parse(String submittedData) {
        try {
            return json.readValue(submittedData, RegistrationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored registration data is unreadable", e);
        }
    }

    private static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
        return errors;
    }
}

package com.b2bflow.storefront;

import com.b2bflow.registration.RegistrationFlow;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The storefront pages of CloudSuite's registrations: the complete shop registration ({@code /store/register}), the
 * business registration approved by the ERP ({@code /store/register/business}) and the registration of a user for
 * an existing customer, approved by the back office ({@code /store/register/shop-approval}).
 */
@Controller
class CompanyRegistrationPageController {

    static final String VIEW = "store/register-company";

    private final RegistrationSubmitters registrations;
    private final RegistrationQueries queries;
    private final ObjectMapper json;

    CompanyRegistrationPageController(
            RegistrationSubmitters registrations, RegistrationQueries queries, ObjectMapper json) {
        this.registrations = registrations;
        this.queries = queries;
        this.json = json;
    }

    @GetMapping({"/store/register", "/store/register/shop"})
    String shopForm(Model model) {
        return form(RegistrationFlow.SHOP, model);
    }

    @PostMapping({"/store/register", "/store/register/shop"})
    String submitShop(@ModelAttribute("form") RegistrationRequest form, Model model, HttpServletResponse response) {
        return submit(RegistrationFlow.SHOP, form, model, response);
    }

    @GetMapping({"/store/register/business", "/store/register/erp-approval"})
    String businessForm(@RequestParam(required = false) String correct, Model model) {
        return correctionForm(RegistrationFlow.ERP_APPROVAL, correct, model);
    }

    @PostMapping({"/store/register/business", "/store/register/erp-approval"})
    String submitBusiness(@ModelAttribute("form") RegistrationRequest form, Model model, HttpServletResponse response) {
        return submit(RegistrationFlow.ERP_APPROVAL, form, model, response);
    }

    @GetMapping("/store/register/shop-approval")
    String shopApprovalForm(@RequestParam(required = false) String correct, Model model) {
        return correctionForm(RegistrationFlow.SHOP_APPROVAL, correct, model);
    }

    @PostMapping("/store/register/shop-approval")
    String submitShopApproval(
            @ModelAttribute("form") RegistrationRequest form, Model model, HttpServletResponse response) {
        return submit(RegistrationFlow.SHOP_APPROVAL, form, model, response);
    }

    private String form(RegistrationFlow flow, Model model) {
        model.addAttribute("flow", flow.pathSegment());
        return VIEW;
    }

    /** A rejected partial registration can be corrected once: the form comes prefilled (never with a password). */
    private String correctionForm(RegistrationFlow flow, String correct, Model model) {
        if (correct != null) {
            queries.correctableSubmission(correct, flow)
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
        return form(flow, model);
    }

    private RegistrationRequest parse(String submittedData) {
        try {
            return json.readValue(submittedData, RegistrationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored registration data is unreadable", e);
        }
    }

    private String submit(RegistrationFlow flow, RegistrationRequest form, Model model, HttpServletResponse response) {
        model.addAttribute("flow", flow.pathSegment());
        try {
            return "redirect:/store/registration/"
                    + registrations.submit(flow, form).id();
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
        } catch (RegistrationConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", FieldProblem.byField(List.of(e.problem())));
        }
        return VIEW;
    }
}

package com.b2bflow.storefront;

import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.account.ContractTerms;
import com.b2bflow.approval.ApprovalGroupAdministration;
import com.b2bflow.approval.ApprovalGroupAdministration.SellerStaff;
import com.b2bflow.buyeradmin.ContractAdministration;
import com.b2bflow.buyeradmin.SellerAdministration;
import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.ProblemException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's organization page and its actions. Each action calls the service behind the matching
 * {@code /api/staff/...} endpoint, so the rules (and the audit entries) are the API's; a refusal shows the page again
 * with the service's status (400 naming the field, 409 while the organization is in use) and its message.
 */
@Controller
@StorefrontPage
@RequestMapping("/store/staff/organizations/{id}")
class StaffOrganizationPageController {

    private final StaffOrganizations organizations;
    private final SellerAdministration sellerAdministration;
    private final ContractAdministration contracts;
    private final ApprovalGroupAdministration approvers;

    StaffOrganizationPageController(
            StaffOrganizations organizations,
            SellerAdministration sellerAdministration,
            ContractAdministration contracts,
            ApprovalGroupAdministration approvers) {
        this.organizations = organizations;
        this.sellerAdministration = sellerAdministration;
        this.contracts = contracts;
        this.approvers = approvers;
    }

    @GetMapping
    String organization(
            @PathVariable long id,
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "0") int cp,
            @RequestParam(defaultValue = "0") int pp,
            @RequestParam(defaultValue = "0") int rp,
            @RequestParam(defaultValue = "0") int ap,
            Model model) {
        return page(id, staff, new StaffOrganizations.Pages(cp, pp, rp, ap), model);
    }

    @PostMapping("/roles")
    String roles(
            @PathVariable long id,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(name = "roles", required = false) List<String> roles,
            @RequestParam(name = "inherit", required = false) String inherit,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> wanted = inherit != null || roles == null ? List.of() : roles;
        return act(id, staff, "roles", model, response, redirect, "console.org.roles.saved", () -> {
            sellerAdministration.setOrganizationRoles(actor, id, wanted);
        });
    }

    @PostMapping("/approvers")
    String addApprover(
            @PathVariable long id,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(name = "userId", required = false) Long userId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, staff, "approvers", model, response, redirect, "console.org.approvers.added", () -> {
            if (userId == null) {
                throw InvalidRegistrationException.of("userId", "Choose the user to add");
            }
            approvers.add(new SellerStaff(actor.id()), id, userId);
        });
    }

    @PostMapping("/approvers/{userId}/remove")
    String removeApprover(
            @PathVariable long id,
            @PathVariable long userId,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                id,
                staff,
                "approvers",
                model,
                response,
                redirect,
                "console.org.approvers.removed",
                () -> approvers.remove(new SellerStaff(actor.id()), id, userId));
    }

    @PostMapping("/contracts")
    String addContract(
            @PathVariable long id,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String terms,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validTo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, staff, "contracts", model, response, redirect, "console.org.contracts.added", () -> {
            contracts.add(
                    actor, id, new ContractTerms(name, terms, date("validFrom", validFrom), date("validTo", validTo)));
        });
    }

    @PostMapping("/contracts/{contractId}/extend")
    String extendContract(
            @PathVariable long id,
            @PathVariable long contractId,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) String validTo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                id,
                staff,
                "contracts",
                model,
                response,
                redirect,
                "console.org.contracts.extended",
                () -> contracts.extend(actor, id, contractId, date("validTo", validTo)));
    }

    @PostMapping("/contracts/{contractId}/end")
    String endContract(
            @PathVariable long id,
            @PathVariable long contractId,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) String lastDay,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                id,
                staff,
                "contracts",
                model,
                response,
                redirect,
                "console.org.contracts.ended",
                () -> contracts.end(actor, id, contractId, date("lastDay", lastDay)));
    }

    @PostMapping("/delete")
    String delete(
            @PathVariable long id,
            Actor actor,
            @AuthenticationPrincipal StaffPrincipal staff,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long parentId = organizations.parentOf(id);
        try {
            sellerAdministration.deleteOrganization(actor, id);
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            return refused(id, staff, "delete", e, model, response);
        }
        redirect.addFlashAttribute("message", "console.org.deleted");
        return parentId == null ? "redirect:/store/staff" : "redirect:/store/staff/organizations/" + parentId;
    }

    private String act(
            long id,
            StaffPrincipal staff,
            String section,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String done,
            Runnable action) {
        try {
            action.run();
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            return refused(id, staff, section, e, model, response);
        } catch (ProblemException e) {
            // e.g. extending a contract with no end (409): the page again, with the service's detail
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("problemStatus", e.getStatusCode().value());
            model.addAttribute("problemSection", section);
            model.addAttribute("problem", e.getBody().getDetail());
            return page(id, staff, StaffOrganizations.Pages.first(), model);
        }
        redirect.addFlashAttribute("message", done);
        return "redirect:/store/staff/organizations/" + id + "#" + section;
    }

    private String refused(
            long id,
            StaffPrincipal staff,
            String section,
            ProblemException e,
            Model model,
            HttpServletResponse response) {
        List<FieldProblem> problems = e instanceof InvalidRegistrationException invalid
                ? invalid.problems()
                : List.of(((RegistrationConflictException) e).problem());
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("problemStatus", e.getStatusCode().value());
        model.addAttribute("problemSection", section);
        model.addAttribute(
                "problem",
                String.join(" ", problems.stream().map(FieldProblem::message).toList()));
        model.addAttribute(
                "problemFields", problems.stream().map(FieldProblem::field).toList());
        return page(id, staff, StaffOrganizations.Pages.first(), model);
    }

    private String page(long id, StaffPrincipal staff, StaffOrganizations.Pages pages, Model model) {
        StaffOrganizationView view = organizations.view(id, staff.userId(), pages);
        String path = "/store/staff/organizations/" + id;
        Map<String, Object> keep = new LinkedHashMap<>();
        keep.put("cp", pages.children() == 0 ? null : pages.children());
        keep.put("pp", pages.people() == 0 ? null : pages.people());
        keep.put("rp", pages.registrations() == 0 ? null : pages.registrations());
        keep.put("ap", pages.audit() == 0 ? null : pages.audit());
        model.addAttribute("view", view);
        model.addAttribute("childrenPager", StaffPager.of(view.children(), path, keep, "cp"));
        model.addAttribute("peoplePager", StaffPager.of(view.people(), path, keep, "pp"));
        model.addAttribute("registrationsPager", StaffPager.of(view.registrations(), path, keep, "rp"));
        model.addAttribute("auditPager", StaffPager.of(view.audit(), path, keep, "ap"));
        model.addAttribute("rights", StaffConsoleRights.of(staff));
        model.addAttribute("pages", pages);
        model.addAttribute("now", java.time.Instant.now());
        return "store/staff-organization";
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRegistrationException.of(field, "Enter a date as YYYY-MM-DD");
        }
    }
}

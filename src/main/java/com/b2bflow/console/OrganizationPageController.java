package com.b2bflow.console;

import com.b2bflow.access.AccessRefusedException;
import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.access.Target;
import com.b2bflow.account.ContractTerms;
import com.b2bflow.approval.ApprovalGroupAdministration;
import com.b2bflow.approval.ApprovalGroupAdministration.SellerStaff;
import com.b2bflow.buyeradmin.ContractAdministration;
import com.b2bflow.buyeradmin.SellerAdministration;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.ProblemException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's organization page and its actions (ADR 0028). Each action is decided by
 * {@link AccountAuthorization} and calls the service behind the matching {@code /api/staff/...} endpoint, so the
 * rules and the audit entries are the API's; a refused change shows the page again with the service's status (400
 * naming the field, 409 while the organization is in use) and its message.
 */
@Controller
@StorefrontPage
@RequestMapping("/store/staff/organizations/{id}")
class OrganizationPageController {

    private final AccountAuthorization authorization;
    private final OrganizationOverview organizations;
    private final SellerAdministration sellerAdministration;
    private final ContractAdministration contracts;
    private final ApprovalGroupAdministration approvers;

    OrganizationPageController(
            AccountAuthorization authorization,
            OrganizationOverview organizations,
            SellerAdministration sellerAdministration,
            ContractAdministration contracts,
            ApprovalGroupAdministration approvers) {
        this.authorization = authorization;
        this.organizations = organizations;
        this.sellerAdministration = sellerAdministration;
        this.contracts = contracts;
        this.approvers = approvers;
    }

    @GetMapping
    String organization(
            @PathVariable long id,
            Actor actor,
            @RequestParam(required = false) Integer childrenPage,
            @RequestParam(required = false) Integer peoplePage,
            @RequestParam(required = false) Integer registrationsPage,
            @RequestParam(required = false) Integer auditPage,
            HttpServletRequest request,
            Model model) {
        String query = request.getQueryString();
        OrganizationOverview.Pages pages = new OrganizationOverview.Pages(
                PageView.request(childrenPage, null),
                PageView.request(peoplePage, null),
                PageView.request(registrationsPage, null),
                PageView.request(auditPage, null));
        return page(id, actor, pages, request.getRequestURI() + (query == null ? "" : "?" + query), model);
    }

    @PostMapping("/roles")
    String roles(
            @PathVariable long id,
            Actor actor,
            @RequestParam(name = "roles", required = false) List<String> roles,
            @RequestParam(name = "inherit", required = false) String inherit,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> wanted = inherit != null || roles == null ? List.of() : roles;
        return act(
                id,
                actor,
                "roles",
                model,
                response,
                redirect,
                "console.org.roles.saved",
                () -> sellerAdministration.setOrganizationRoles(actor, id, wanted));
    }

    /** The approval groups the organization has; with the roles it may grant, the seller administrators' choice. */
    @PostMapping("/approval-groups")
    String approvalGroups(
            @PathVariable long id,
            Actor actor,
            @RequestParam(name = "types", required = false) List<String> types,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        authorization.require(actor, AccountAction.EDIT_ROLES, Target.organization(id));
        return act(id, actor, "approvers", model, response, redirect, "console.org.groups.saved", () -> {
            Set<ApprovalType> wanted = EnumSet.noneOf(ApprovalType.class);
            for (String type : types == null ? List.<String>of() : types) {
                wanted.add(Arrays.stream(ApprovalType.values())
                        .filter(known -> known.name().equals(type))
                        .findFirst()
                        .orElseThrow(() -> InvalidRegistrationException.of(
                                "types", Texts.text("validation.unknownApprovalGroup", type))));
            }
            approvers.setGroupTypes(new SellerStaff(actor.id()), id, wanted);
        });
    }

    @PostMapping("/approvers")
    String addApprover(
            @PathVariable long id,
            Actor actor,
            @RequestParam(name = "userId", required = false) Long userId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        authorization.require(actor, AccountAction.MANAGE_APPROVERS, Target.organization(id));
        return act(id, actor, "approvers", model, response, redirect, "console.org.approvers.added", () -> {
            if (userId == null) {
                throw InvalidRegistrationException.of("userId", Texts.text("validation.chooseTheUserToAdd"));
            }
            approvers.add(new SellerStaff(actor.id()), id, userId);
        });
    }

    @PostMapping("/approvers/{userId}/remove")
    String removeApprover(
            @PathVariable long id,
            @PathVariable long userId,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        authorization.require(actor, AccountAction.MANAGE_APPROVERS, Target.organization(id));
        return act(
                id,
                actor,
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
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String terms,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validTo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        authorization.require(actor, AccountAction.MAINTAIN_CONTRACTS, Target.organization(id));
        return act(id, actor, "contracts", model, response, redirect, "console.org.contracts.added", () -> {
            contracts.add(
                    actor, id, new ContractTerms(name, terms, date("validFrom", validFrom), date("validTo", validTo)));
        });
    }

    @PostMapping("/contracts/{contractId}/extend")
    String extendContract(
            @PathVariable long id,
            @PathVariable long contractId,
            Actor actor,
            @RequestParam(required = false) String validTo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        authorization.require(actor, AccountAction.MAINTAIN_CONTRACTS, Target.organization(id));
        return act(
                id,
                actor,
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
            @RequestParam(required = false) String lastDay,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        authorization.require(actor, AccountAction.MAINTAIN_CONTRACTS, Target.organization(id));
        return act(
                id,
                actor,
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
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long parentId = organizations.parentOf(id);
        String refused =
                attempt(id, actor, "delete", model, response, () -> sellerAdministration.deleteOrganization(actor, id));
        if (refused != null) {
            return refused;
        }
        redirect.addFlashAttribute("message", "console.org.deleted");
        return parentId == null ? "redirect:/store/staff" : "redirect:/store/staff/organizations/" + parentId;
    }

    private String act(
            long id,
            Actor actor,
            String section,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String done,
            Runnable action) {
        String refused = attempt(id, actor, section, model, response, action);
        if (refused != null) {
            return refused;
        }
        redirect.addFlashAttribute("message", done);
        return "redirect:/store/staff/organizations/" + id + "#" + section;
    }

    /** Runs the action; null when it succeeded, else the page again with the refusal's status and message. */
    private String attempt(
            long id, Actor actor, String section, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return null;
        } catch (AccessRefusedException e) {
            throw e;
        } catch (ProblemException e) {
            List<FieldProblem> problems = e instanceof InvalidRegistrationException invalid
                    ? invalid.problems()
                    : e instanceof RegistrationConflictException conflict ? List.of(conflict.problem()) : List.of();
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("problemStatus", e.getStatusCode().value());
            model.addAttribute("problemSection", section);
            model.addAttribute(
                    "problem",
                    problems.isEmpty()
                            ? e.getBody().getDetail()
                            : String.join(
                                    " ",
                                    problems.stream().map(FieldProblem::message).toList()));
            model.addAttribute(
                    "problemFields", problems.stream().map(FieldProblem::field).toList());
            String path = "/store/staff/organizations/" + id;
            return page(id, actor, OrganizationOverview.Pages.first(), path, model);
        }
    }

    private String page(long id, Actor actor, OrganizationOverview.Pages pages, String uri, Model model) {
        authorization.require(actor, AccountAction.VIEW_ORGANIZATION_RECORD, Target.organization(id));
        OrganizationPage view = organizations.view(id, actor.id(), pages);
        model.addAttribute("view", view);
        model.addAttribute("children", PageView.of(view.children(), uri, "childrenPage"));
        model.addAttribute("people", PageView.of(view.people(), uri, "peoplePage"));
        model.addAttribute("registrations", PageView.of(view.registrations(), uri, "registrationsPage"));
        model.addAttribute("audit", PageView.of(view.audit(), uri, "auditPage"));
        model.addAttribute(
                "actions", OrganizationActions.of(authorization, actor, id, sellerAdministration.deletable(id)));
        model.addAttribute("approvalTypes", ApprovalType.values());
        model.addAttribute("now", Instant.now());
        return "staff/console/organization";
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRegistrationException.of(field, Texts.text("validation.dateFormat"));
        }
    }
}

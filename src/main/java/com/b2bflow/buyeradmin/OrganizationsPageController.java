package com.b2bflow.buyeradmin;

import com.b2bflow.access.AccessRefusedException;
import com.b2bflow.access.AccountAction;
import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.IsoCodes;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My Account → Organizations and Buyers: the hierarchy, the selected organization's buyers, and the forms to create
 * and edit organizations and buyers. Same service and authorization as {@code /api/me/**}.
 */
@Controller
@StorefrontPage
class OrganizationsPageController {

    private final BuyerAdministration administration;
    private final SellerAdministration sellerAdministration;
    private final ReadableHistory readable;

    OrganizationsPageController(
            BuyerAdministration administration, SellerAdministration sellerAdministration, ReadableHistory readable) {
        this.administration = administration;
        this.sellerAdministration = sellerAdministration;
        this.readable = readable;
    }

    /** The languages a buyer's mails can be in, for the buyer forms (stored as codes, named in their own language). */
    @ModelAttribute("formLanguages")
    List<IsoCodes.Choice> formLanguages() {
        return IsoCodes.languages();
    }

    @GetMapping("/store/account/organizations")
    String organizations(
            Actor actor,
            @RequestParam(name = "org", required = false) Long selected,
            @RequestParam(required = false) String q,
            Model model) {
        List<OrganizationView> tree = administration.organizations(actor, null);
        long organizationId = selected != null ? selected : tree.get(0).id();
        model.addAttribute("tree", tree);
        model.addAttribute("selected", administration.organization(actor, organizationId));
        model.addAttribute("path", administration.path(actor, organizationId));
        model.addAttribute("q", q);
        model.addAttribute("buyers", administration.buyers(actor, organizationId, q));
        model.addAttribute("actorUserId", actor.userId());
        return "store/organizations";
    }

    @GetMapping("/store/account/organizations/new")
    String newOrganization(Actor actor, @RequestParam(name = "parent", required = false) Long parentId, Model model) {
        OrganizationView parent = parentId == null
                ? administration.organizations(actor, null).get(0)
                : administration.organization(actor, parentId);
        administration.check(actor, AccountAction.CREATE_ORGANIZATION, parent.id());
        model.addAttribute("parent", parent);
        model.addAttribute("form", new OrganizationChanges(null, parent.id(), null, null, null, null, null));
        return "store/organization-form";
    }

    @PostMapping("/store/account/organizations")
    String createOrganization(
            Actor actor,
            @ModelAttribute("form") OrganizationChanges form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            OrganizationView created = administration.createOrganization(actor, form);
            redirect.addFlashAttribute("message", "organizations.created");
            return "redirect:/store/account/organizations?org=" + created.id();
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            model.addAttribute(
                    "parent",
                    administration.organization(
                            actor,
                            form.parentId() == null
                                    ? administration
                                            .organizations(actor, null)
                                            .get(0)
                                            .id()
                                    : form.parentId()));
            return FormErrors.render(e, model, response, "store/organization-form");
        }
    }

    @GetMapping("/store/account/organizations/{id}/edit")
    String editOrganization(Actor actor, @PathVariable long id, Model model) {
        administration.check(actor, AccountAction.EDIT_ORGANIZATION, id);
        OrganizationView organization = administration.organization(actor, id);
        model.addAttribute("organization", organization);
        model.addAttribute(
                "form",
                new OrganizationChanges(
                        organization.name(),
                        null,
                        organization.description(),
                        organization.businessCategory(),
                        organization.taxId(),
                        organization.emailDomain(),
                        organization.address()));
        return "store/organization-form";
    }

    @PostMapping("/store/account/organizations/{id}")
    String updateOrganization(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute("form") OrganizationChanges form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            administration.updateOrganization(actor, id, form);
            redirect.addFlashAttribute("message", "organizations.updated");
            return "redirect:/store/account/organizations?org=" + id;
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            model.addAttribute("organization", administration.organization(actor, id));
            return FormErrors.render(e, model, response, "store/organization-form");
        }
    }

    @PostMapping("/store/account/organizations/{id}/delete")
    String deleteOrganization(Actor actor, @PathVariable long id) {
        sellerAdministration.deleteOrganization(actor.inStorefront(), id);
        return "redirect:/store/account/organizations";
    }

    @GetMapping("/store/account/organizations/{id}/buyers/new")
    String newBuyer(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("organization", administration.organization(actor, id));
        model.addAttribute("selectableRoles", administration.selectableRoles(actor, id));
        model.addAttribute(
                "form",
                new NewBuyer(null, null, null, null, null, null, null, List.of(com.b2bflow.member.Roles.BUYER)));
        administration.check(actor, AccountAction.CREATE_BUYER, id);
        return "store/buyer-new";
    }

    @PostMapping("/store/account/organizations/{id}/buyers")
    String createBuyer(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute("form") NewBuyer form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            BuyerAdministration.CreatedBuyer created = administration.createBuyer(actor, id, form);
            redirect.addFlashAttribute("message", "buyers.created");
            return "redirect:/store/account/buyers/" + created.buyer().id();
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            model.addAttribute("organization", administration.organization(actor, id));
            model.addAttribute("selectableRoles", administration.selectableRoles(actor, id));
            return FormErrors.render(e, model, response, "store/buyer-new");
        }
    }

    @GetMapping("/store/account/buyers/{id}")
    String buyer(Actor actor, @PathVariable long id, Model model) {
        BuyerView buyer = administration.buyer(actor, id);
        model.addAttribute("buyer", buyer);
        model.addAttribute(
                "form",
                new BuyerChanges(
                        buyer.firstName(),
                        buyer.middleName(),
                        buyer.lastName(),
                        buyer.email(),
                        buyer.phone(),
                        buyer.preferredLanguage(),
                        null,
                        null));
        model.addAttribute("actorUserId", actor.userId());
        return "store/buyer";
    }

    @PostMapping("/store/account/buyers/{id}")
    String updateBuyer(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute("form") BuyerChanges form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        BuyerChanges details = new BuyerChanges(
                emptyToBlank(form.firstName()),
                emptyToBlank(form.middleName()),
                emptyToBlank(form.lastName()),
                emptyToBlank(form.email()),
                emptyToBlank(form.phone()),
                emptyToBlank(form.preferredLanguage()),
                null,
                null);
        try {
            administration.updateBuyer(actor, id, details);
            redirect.addFlashAttribute("message", "buyers.updated");
            return "redirect:/store/account/buyers/" + id;
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            model.addAttribute("buyer", administration.buyer(actor, id));
            model.addAttribute("actorUserId", actor.userId());
            return FormErrors.render(e, model, response, "store/buyer");
        }
    }

    @PostMapping("/store/account/buyers/{id}/enabled")
    String enable(
            Actor actor,
            @PathVariable long id,
            @RequestParam boolean enabled,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            BuyerView buyer = administration.updateBuyer(
                    actor, id, new BuyerChanges(null, null, null, null, null, null, enabled, null));
            redirect.addFlashAttribute("message", enabled ? "buyers.enabled" : "buyers.disabled");
            redirect.addFlashAttribute("messageArgument", buyer.logonId());
        } catch (RegistrationConflictException e) {
            redirect.addFlashAttribute("errorMessage", "buyers.cannotDisableSelf");
        }
        return "redirect:"
                + (back != null && back.startsWith("/store/account/") ? back : "/store/account/buyers/" + id);
    }

    @PostMapping("/store/account/buyers/{id}/delete")
    String deleteBuyer(Actor actor, @PathVariable long id) {
        sellerAdministration.deleteBuyer(actor.inStorefront(), id);
        return "redirect:/store/account/organizations";
    }

    @GetMapping("/store/account/customer-service-history")
    String history(Actor actor, Model model) {
        if (actor.organizationId() == null) {
            throw new AccessRefusedException(
                    com.b2bflow.access.Decision.FORBIDDEN, AccountAction.VIEW_ON_BEHALF_HISTORY);
        }
        model.addAttribute("events", readable.of(administration.customerServiceHistory(actor, actor.organizationId())));
        return "store/customer-service-history";
    }

    private static String emptyToBlank(String value) {
        return value == null ? "" : value;
    }
}

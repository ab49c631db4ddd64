package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My Account → Organizations and Buyers → Invitations: the selected organization's invitations with their state, a
 * revoke button for pending ones, and the form to invite. Same service and authorization as the JSON API.
 */
@Controller
@StorefrontPage
class InvitationsPageController {

    private final Invitations invitations;
    private final BuyerAdministration administration;

    InvitationsPageController(Invitations invitations, BuyerAdministration administration) {
        this.invitations = invitations;
        this.administration = administration;
    }

    @GetMapping("/store/account/organizations/{id}/invitations")
    String list(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("invitations", invitations.list(actor, id));
        model.addAttribute("organization", administration.organization(actor, id));
        return "store/invitations";
    }

    @PostMapping("/store/account/organizations/{id}/invitations")
    String invite(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String email,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            InvitationView sent = invitations.invite(actor, id, new Invitations.NewInvitation(email));
            redirect.addFlashAttribute("message", "invitations.sent");
            redirect.addFlashAttribute("messageArgument", sent.email());
            return "redirect:/store/account/organizations/" + id + "/invitations";
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", Map.of("email", e.problems().get(0).message()));
            model.addAttribute("email", email);
            return list(actor, id, model);
        }
    }

    @PostMapping("/store/account/organizations/{id}/invitations/{invitationId}/revoke")
    String revoke(Actor actor, @PathVariable long id, @PathVariable long invitationId, RedirectAttributes redirect) {
        try {
            InvitationView revoked = invitations.revoke(actor, id, invitationId);
            redirect.addFlashAttribute("message", "invitations.revoked");
            redirect.addFlashAttribute("messageArgument", revoked.email());
        } catch (RegistrationConflictException e) {
            redirect.addFlashAttribute("errorMessage", "invitations.notRevocable");
        }
        return "redirect:/store/account/organizations/" + id + "/invitations";
    }
}

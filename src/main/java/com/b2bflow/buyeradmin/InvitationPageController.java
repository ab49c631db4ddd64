package com.b2bflow.buyeradmin;

import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.registration.UserData;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page an invitation mail links to: bound to the organization invited into, the invitee picks a logon id and a
 * password (the email address is the invitation's) and may sign in right after. A used, revoked, expired or unknown
 * link shows why, with status 410.
 */
@Controller
class InvitationPageController {

    private final InvitationAcceptance acceptance;

    InvitationPageController(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @GetMapping("/store/invitations/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("consentVersion", ConsentTerms.CURRENT);
        try {
            model.addAttribute("invitation", acceptance.inspect(token));
            return "store/invitation";
        } catch (InvitationGoneException e) {
            return gone(e, model, response);
        }
    }

    @PostMapping("/store/invitations/{token}")
    String register(
            @PathVariable String token,
            @ModelAttribute("form") InvitationForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            acceptance.accept(token, form.user(), form.consentVersion());
            redirect.addFlashAttribute("invitedLogonId", form.user().logonId().strip());
            return "redirect:/store/login?invited";
        } catch (InvitationGoneException e) {
            return gone(e, model, response);
        } catch (InvalidRegistrationException | RegistrationConflictException e) {
            FormErrors.render(e, model, response, "store/invitation");
            return form(token, model, response);
        }
    }

    private static String gone(InvitationGoneException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("goneMessage", e.messageKey());
        return "store/invitation";
    }

    /** The form's fields: {@code user.*} and the consent, as on the registration pages. */
    record InvitationForm(UserData user, String consentVersion) {}
}

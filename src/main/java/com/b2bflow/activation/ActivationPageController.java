package com.b2bflow.activation;

import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the activation link: choose a password; a used or expired link says so and offers a new one.
 * The token travels in the query string of the mailed link only; the page keeps it out of referrers and caches.
 */
@Controller
class ActivationPageController {

    static final String VIEW = "store/activate";

    private final ActivationService activation;
    private final ActivationRenewals renewals;
    private final Texts texts;

    ActivationPageController(ActivationService activation, ActivationRenewals renewals, Texts texts) {
        this.activation = activation;
        this.renewals = renewals;
        this.texts = texts;
    }

    @GetMapping("/store/activate")
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        LinkPages.noReferrer(response);
        ActivationLink link = activation.inspect(token);
        if (!link.usable()) {
            return gone(link.reason(), token, model, response);
        }
        model.addAttribute("view", "form");
        model.addAttribute("token", token);
        model.addAttribute("logonId", link.logonId());
        model.addAttribute("displayName", link.displayName());
        return VIEW;
    }

    @PostMapping("/store/activate")
    String activate(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordVerify,
            Model model,
            HttpServletResponse response) {
        LinkPages.noReferrer(response);
        ActivationLink link = activation.inspect(token);
        if (!link.usable()) {
            return gone(link.reason(), token, model, response);
        }
        try {
            if (passwordVerify == null || !passwordVerify.equals(password)) {
                throw InvalidRegistrationException.of("passwordVerify", texts.get("validation.passwordsDiffer"));
            }
            activation.activate(token, password);
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("view", "form");
            model.addAttribute("token", token);
            model.addAttribute("logonId", link.logonId());
            model.addAttribute("displayName", link.displayName());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
            return VIEW;
        } catch (OneTimeLinkGoneException e) {
            return gone(e.reason(), token, model, response);
        } catch (OptimisticLockingFailureException e) {
            return gone(OneTimeLinkGoneException.Reason.USED, token, model, response);
        }
        model.addAttribute("view", "done");
        model.addAttribute("logonId", link.logonId());
        return VIEW;
    }

    @GetMapping("/store/activate/renewal")
    String renewalForm(Model model) {
        model.addAttribute("view", "renewal");
        return VIEW;
    }

    /** "Send me a new link", from an expired link (token) or by logon id / email address. */
    @PostMapping("/store/activate/renewal")
    String renew(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String identifier,
            Model model,
            HttpServletResponse response) {
        LinkPages.noReferrer(response);
        if (token != null && !token.isBlank()) {
            renewals.requestForLink(token);
        } else if (identifier != null && !identifier.isBlank()) {
            renewals.request(identifier);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("view", "renewal");
            model.addAttribute("errors", Map.of("identifier", texts.get("activate.identifierMissing")));
            return VIEW;
        }
        model.addAttribute("view", "renewalRequested");
        return VIEW;
    }

    private String gone(
            OneTimeLinkGoneException.Reason reason, String token, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("view", "gone");
        model.addAttribute("reason", reason.name());
        model.addAttribute("token", reason == OneTimeLinkGoneException.Reason.EXPIRED ? token : null);
        return VIEW;
    }
}

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
 * "Forgot your password?" in the storefront: ask for a link by logon id, and the page behind the mailed link that
 * sets the new password. The token travels in the query string of the link only; the page keeps it out of
 * referrers and caches.
 */
@Controller
class PasswordResetPageController {

    static final String VIEW = "store/password-reset";

    private final PasswordResets resets;
    private final Texts texts;

    PasswordResetPageController(PasswordResets resets, Texts texts) {
        this.resets = resets;
        this.texts = texts;
    }

    @GetMapping("/store/password-reset")
    String page(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        LinkPages.noReferrer(response);
        if (token == null) {
            model.addAttribute("view", "request");
            return VIEW;
        }
        PasswordResetLink link = resets.inspect(token);
        if (!link.usable()) {
            return gone(link.reason(), model, response);
        }
        return form(token, link.logonId(), Map.of(), model);
    }

    @PostMapping("/store/password-reset")
    String request(@RequestParam(required = false) String logonId, Model model, HttpServletResponse response) {
        if (logonId == null || logonId.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("view", "request");
            model.addAttribute("errors", Map.of("logonId", texts.get("reset.logonIdMissing")));
            return VIEW;
        }
        resets.request(logonId);
        model.addAttribute("view", "requested");
        return VIEW;
    }

    @PostMapping("/store/password-reset/confirm")
    String confirm(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordVerify,
            Model model,
            HttpServletResponse response) {
        LinkPages.noReferrer(response);
        PasswordResetLink link = resets.inspect(token);
        if (!link.usable()) {
            return gone(link.reason(), model, response);
        }
        try {
            if (passwordVerify == null || !passwordVerify.equals(password)) {
                throw InvalidRegistrationException.of("passwordVerify", texts.get("validation.passwordsDiffer"));
            }
            resets.confirm(token, password);
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(token, link.logonId(), FieldProblem.byField(e.problems()), model);
        } catch (OneTimeLinkGoneException e) {
            return gone(e.reason(), model, response);
        } catch (OptimisticLockingFailureException e) {
            return gone(OneTimeLinkGoneException.Reason.USED, model, response);
        }
        model.addAttribute("view", "done");
        model.addAttribute("logonId", link.logonId());
        return VIEW;
    }

    private static String form(String token, String logonId, Map<String, String> errors, Model model) {
        model.addAttribute("view", "form");
        model.addAttribute("token", token);
        model.addAttribute("logonId", logonId);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    private static String gone(OneTimeLinkGoneException.Reason reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("view", "gone");
        model.addAttribute("reason", reason.name());
        return VIEW;
    }
}

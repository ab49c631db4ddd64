package com.b2bflow.privacy;

import com.b2bflow.registration.RegistrationAlreadyDecidedException;
import com.b2bflow.registration.RegistrationQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The storefront form on the registration's status page (linked from the "registration received" mail). */
@Controller
class WithdrawalPageController {

    private final Withdrawals withdrawals;
    private final RegistrationQueries queries;

    WithdrawalPageController(Withdrawals withdrawals, RegistrationQueries queries) {
        this.withdrawals = withdrawals;
        this.queries = queries;
    }

    @PostMapping("/store/registration/{id}/withdraw")
    String withdraw(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String logonId,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest http,
            Model model) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(logonId.strip(), password);
        attempt.setDetails(new WebAuthenticationDetails(http));
        String error;
        try {
            withdrawals.withdraw(id, attempt);
            return "redirect:/store/registration/" + id;
        } catch (WithdrawalRefusedException e) {
            error = "status.withdraw.wrongCredentials";
        } catch (RegistrationAlreadyDecidedException e) {
            error = "status.withdraw.notPending";
        } catch (AuthenticationException e) {
            error = "status.withdraw.throttled";
        }
        model.addAttribute(
                "registration",
                queries.status(id)
                        .orElseThrow(() ->
                                new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration with this id")));
        model.addAttribute("withdrawError", error); // a message key
        return "store/registration-status";
    }
}

package com.b2bflow.storefront;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Hat;
import com.b2bflow.access.OnBehalf;
import com.b2bflow.approval.BuyerApprovals;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * My Account: the page and {@code GET /api/me} (the profile and password: {@link MyProfileApiController} and
 * {@link ProfilePageController}). While a CSR acts on behalf of a Buyer Administrator, both show the
 * customer's account (the CSR lands on the customer's My Account page).
 */
@Controller
@Tag(name = "My organizations and buyers")
class AccountController {

    private final MyAccountService accounts;
    private final AccountAuthorization authorization;
    private final BuyerApprovals approvals;

    AccountController(MyAccountService accounts, AccountAuthorization authorization, BuyerApprovals approvals) {
        this.accounts = accounts;
        this.authorization = authorization;
        this.approvals = approvals;
    }

    @GetMapping("/store/account")
    String myAccount(Actor actor, Model model) {
        if (actor.userId() == null) {
            return actor.wears(Hat.CUSTOMER_SERVICE) ? "redirect:/store/customer-service" : "redirect:/store/staff";
        }
        model.addAttribute("account", accounts.of(actor.userId()));
        model.addAttribute("administrator", administers(actor));
        model.addAttribute("mayChangePassword", !actor.isOnBehalf());
        // the approvals page is the account holder's own, for those who decide buyer registrations
        model.addAttribute("mayApprove", !actor.isOnBehalf() && approvals.decidesAny(actor.userId()));
        return "store/account";
    }

    @GetMapping("/api/me")
    @ResponseBody
    @Operation(
            summary = "The signed-in user's account (or, on behalf, the customer's)",
            description = "Also issues the XSRF-TOKEN cookie for single-page clients. Staff not acting on behalf get "
                    + "their staff identity.")
    Object me(Actor actor, Authentication authentication) {
        if (actor.userId() == null) {
            return authentication.getPrincipal();
        }
        return new Me(accounts.of(actor.userId()), administers(actor), actor.onBehalf());
    }

    private boolean administers(Actor actor) {
        return authorization.permits(actor.inStorefront(), AccountAction.VIEW_ORGANIZATIONS);
    }

    /** {@link MyAccount}'s fields, whether the account administers organizations, and the CSR's on-behalf session. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(@JsonUnwrapped MyAccount account, boolean administrator, OnBehalf onBehalf) {}
}

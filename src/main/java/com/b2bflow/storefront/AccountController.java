package com.b2bflow.storefront;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Hat;
import com.b2bflow.access.OnBehalf;
import com.b2bflow.access.Target;
import com.b2bflow.activation.PasswordChanges;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * My Account: the page, {@code GET /api/me}, and the profile and password of {@code /api/me/profile} and
 * {@code /api/me/password} (their pages: {@link ProfilePageController}). While a CSR acts on behalf of a Buyer Administrator, both show the
 * customer's account (the CSR lands on the customer's My Account page).
 */
@Controller
@Tag(name = "My organizations and buyers")
class AccountController {

    private final MyAccountService accounts;
    private final AccountAuthorization authorization;
    private final MyProfile profiles;
    private final PasswordChanges passwords;

    AccountController(
            MyAccountService accounts,
            AccountAuthorization authorization,
            MyProfile profiles,
            PasswordChanges passwords) {
        this.accounts = accounts;
        this.authorization = authorization;
        this.profiles = profiles;
        this.passwords = passwords;
    }

    @GetMapping("/store/account")
    String myAccount(Actor actor, Model model) {
        if (actor.userId() == null) {
            return actor.wears(Hat.CUSTOMER_SERVICE) ? "redirect:/store/customer-service" : "redirect:/store/staff";
        }
        model.addAttribute("account", accounts.of(actor.userId()));
        model.addAttribute("administrator", administers(actor));
        model.addAttribute("mayChangePassword", !actor.isOnBehalf());
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

    @GetMapping("/api/me/profile")
    @ResponseBody
    @Operation(summary = "The signed-in user's profile (or, on behalf, the customer's)")
    ProfileView profile(Actor actor) {
        return profiles.of(actor);
    }

    @PatchMapping("/api/me/profile")
    @ResponseBody
    @Operation(
            summary = "Change the profile: name, phone, preferred language and currency, marketing consent",
            description = "Only the fields sent change; 400 names each field that breaks a rule. A CSR on behalf may "
                    + "change all but the marketing consent (403). Audited as PROFILE_UPDATED.")
    ProfileView updateProfile(Actor actor, @RequestBody ProfileChanges changes) {
        return profiles.update(actor, changes);
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Change one's own password",
            description = "400 on currentPassword (wrong), newPassword (each policy rule broken) or newPasswordVerify "
                    + "(differs, when sent). Mails a notice, ends the user's other sessions where sessions are kept "
                    + "in the database, keeps this one. Never on behalf (403). Audited as PASSWORD_CHANGED.")
    void changePassword(Actor actor, @RequestBody PasswordChange change, HttpServletRequest request) {
        authorization.require(actor.inStorefront(), AccountAction.CHANGE_PASSWORD, Target.none());
        passwords.change(
                actor.userId(),
                change.currentPassword(),
                change.newPassword(),
                change.newPasswordVerify(),
                request.getSession().getId());
    }

    private boolean administers(Actor actor) {
        return authorization.permits(actor.inStorefront(), AccountAction.VIEW_ORGANIZATIONS);
    }

    /** {@link MyAccount}'s fields, whether the account administers organizations, and the CSR's on-behalf session. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(@JsonUnwrapped MyAccount account, boolean administrator, OnBehalf onBehalf) {}
}

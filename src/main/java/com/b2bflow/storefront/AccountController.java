package com.b2bflow.storefront;

import com.b2bflow.security.BuyerPrincipal;
import com.b2bflow.security.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** My Account: the page and {@code GET /api/me}. */
@Controller
class AccountController {

    private final MyAccountService accounts;

    AccountController(MyAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/store/account")
    String myAccount(Authentication authentication, Model model) {
        if (authentication.getPrincipal() instanceof StaffPrincipal) {
            return "redirect:/store/staff";
        }
        model.addAttribute("account", accounts.of(((BuyerPrincipal) authentication.getPrincipal()).userId()));
        return "store/account";
    }

    @GetMapping("/api/me")
    @ResponseBody
    Object me(Authentication authentication) {
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return staff;
        }
        return accounts.of(((BuyerPrincipal) authentication.getPrincipal()).userId());
    }
}

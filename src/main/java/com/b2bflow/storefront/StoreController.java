package com.b2bflow.storefront;

import com.b2bflow.notification.DemoMailbox;
import com.b2bflow.security.StaffPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, the choice of registration, the staff home page and the demo mailbox. */
@Controller
class StoreController {

    private final ObjectProvider<DemoMailbox> mailbox;

    StoreController(ObjectProvider<DemoMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping({"/", "/store", "/store/"})
    String home() {
        return "redirect:/store/account";
    }

    @GetMapping("/store/login")
    String login() {
        return "store/login";
    }

    /** One entry under the sign-in form that explains the registrations and leads to the right one. */
    @GetMapping("/store/register/choose")
    String chooseRegistration() {
        return "store/register-choose";
    }

    @GetMapping("/store/staff")
    String staffHome(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("mailboxAvailable", mailbox.getIfAvailable() != null);
        return "store/staff";
    }

    @GetMapping("/staff/mailbox")
    String demoMailbox(Model model) {
        DemoMailbox box = mailbox.getIfAvailable();
        if (box == null) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND,
                    "The demo mailbox is off: mail goes to the configured mail host");
        }
        model.addAttribute("messages", box.messages());
        return "staff/mailbox";
    }
}

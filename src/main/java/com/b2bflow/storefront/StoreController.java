package com.b2bflow.storefront;

import com.b2bflow.notification.DemoMailbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, the choice of registration and the demo mailbox (the staff home is the staff console's). */
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

    @GetMapping("/staff/mailbox")
    String demoMailbox(Model model) {
        DemoMailbox box = mailbox.getIfAvailable();
        if (box == null) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND, com.b2bflow.shared.Texts.text("mailbox.off"));
        }
        model.addAttribute("messages", box.messages());
        return "staff/mailbox";
    }
}

package com.b2bflow.console;

import com.b2bflow.access.StorefrontPage;
import com.b2bflow.notification.DemoMailbox;
import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.staff.StaffGroups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff home: who is signed in, the console's pages they may open, Tasklist, Cockpit and the demo mailbox. */
@Controller
@StorefrontPage
class StaffHomeController {

    private final ObjectProvider<DemoMailbox> mailbox;

    StaffHomeController(ObjectProvider<DemoMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/store/staff")
    String staffHome(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute(
                "groups",
                staff.groups().stream().filter(StaffGroups.ALL::contains).toList());
        model.addAttribute("mailboxAvailable", mailbox.getIfAvailable() != null);
        return "staff/console/home";
    }
}

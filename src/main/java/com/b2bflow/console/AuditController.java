package com.b2bflow.console;

import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's Audit page ({@code /store/staff/audit}): the audit log, filtered and paginated. */
@Controller
@StorefrontPage
class AuditController {

    private final AuditSearch audit;

    AuditController(AuditSearch audit) {
        this.audit = audit;
    }

    @GetMapping("/store/staff/audit")
    String audit(
            Actor actor,
            @RequestParam(name = "actor", required = false) String actorQuery,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            HttpServletRequest request,
            Model model) {
        AuditFilter filter = new AuditFilter(actorQuery, customer, action, userId, organizationId);
        model.addAttribute("filter", filter);
        var events = audit.events(actor, filter, PageView.request(page, size));
        model.addAttribute("events", PageView.of(events, request));
        model.addAttribute("existing", audit.existing(events.getContent()));
        model.addAttribute("actions", audit.actions(actor));
        return "staff/console/audit";
    }
}

package com.b2bflow.customerservice;

import com.b2bflow.access.Actor;
import com.b2bflow.access.OnBehalf;
import com.b2bflow.access.OnBehalfSessions;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.buyeradmin.ReadableHistory;
import com.b2bflow.buyeradmin.SellerAdministration;
import com.b2bflow.shared.InvalidRegistrationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Customer Service page: where CSRs land after signing in. */
@Controller
@StorefrontPage
class CustomerServicePageController {

    private final CustomerService customerService;
    private final SellerAdministration history;
    private final ReadableHistory readable;
    private final OnBehalfSessions sessions;

    CustomerServicePageController(
            CustomerService customerService,
            SellerAdministration history,
            ReadableHistory readable,
            OnBehalfSessions sessions) {
        this.customerService = customerService;
        this.history = history;
        this.readable = readable;
        this.sessions = sessions;
    }

    @GetMapping("/store/customer-service")
    String page(Actor actor, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("customers", customerService.find(actor, q));
        model.addAttribute("searched", q != null && !q.isBlank());
        return "store/customer-service";
    }

    @PostMapping("/store/customer-service/customers/{id}/act-on-behalf")
    String actOnBehalf(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String q,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            OnBehalf onBehalf = customerService.startOnBehalf(actor, id, reason);
            sessions.start(request, onBehalf);
            return "redirect:/store/account";
        } catch (InvalidRegistrationException e) {
            return reasonMissing(actor, id, "access", q, response, model);
        }
    }

    @PostMapping("/store/customer-service/customers/{id}/disable")
    String disable(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String q,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            CustomerView customer = customerService.disable(actor, id, reason);
            redirect.addFlashAttribute("message", "csr.disabled");
            redirect.addFlashAttribute("messageArgument", customer.logonId());
            redirect.addAttribute("q", q == null ? customer.logonId() : q);
            return "redirect:/store/customer-service";
        } catch (InvalidRegistrationException e) {
            return reasonMissing(actor, id, "disable", q, response, model);
        }
    }

    @PostMapping("/store/customer-service/on-behalf/stop")
    String stop(HttpServletRequest request, RedirectAttributes redirect) {
        sessions.current(request).ifPresent(onBehalf -> {
            customerService.stopOnBehalf(onBehalf);
            redirect.addFlashAttribute("message", "csr.stopped");
            redirect.addFlashAttribute("messageArgument", onBehalf.customerName());
        });
        sessions.stop(request);
        return "redirect:/store/customer-service";
    }

    @GetMapping("/store/customer-service/history")
    String history(Actor actor, Model model) {
        model.addAttribute("events", readable.of(history.customerServiceHistory(actor)));
        model.addAttribute("staffView", true);
        return "store/customer-service-history";
    }

    private String reasonMissing(
            Actor actor, long id, String which, String q, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        CustomerView customer = customerService.customer(actor, id);
        String query = q == null || q.isBlank() ? customer.logonId() : q;
        model.addAttribute("q", query);
        model.addAttribute("customers", customerService.find(actor, query));
        model.addAttribute("searched", true);
        model.addAttribute("reasonError", which + "-" + id);
        return "store/customer-service";
    }
}

package com.b2bflow.storefront;

import com.b2bflow.approval.ApprovalForbiddenException;
import com.b2bflow.approval.ApprovalNotFoundException;
import com.b2bflow.approval.BuyerApprovals;
import com.b2bflow.approval.Decision;
import com.b2bflow.registration.RegistrationAlreadyDecidedException;
import com.b2bflow.security.BuyerPrincipal;
import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My Account, Registration approvals: the buyer registrations waiting for the signed-in approver, and the decision. */
@Controller
class ApprovalsPageController {

    static final String VIEW = "store/approvals";

    private final BuyerApprovals approvals;

    ApprovalsPageController(BuyerApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/store/account/approvals")
    String approvals(Authentication authentication, Model model, HttpServletResponse response) {
        if (!(authentication.getPrincipal() instanceof BuyerPrincipal buyer)) {
            return authentication.getPrincipal() instanceof StaffPrincipal
                    ? "redirect:/store/staff"
                    : "redirect:/store/login";
        }
        if (!approvals.decidesAny(buyer.userId())) {
            // offered only to those who decide registrations (My Account links it only for them)
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("status", HttpStatus.FORBIDDEN.value());
            model.addAttribute("messageKey", "approvals.refused");
            return "store/refused";
        }
        model.addAttribute("approvals", approvals.pendingFor(buyer.userId()));
        return VIEW;
    }

    @PostMapping("/store/account/approvals/{id}")
    String decide(
            @PathVariable String id,
            @RequestParam(required = false) Boolean approved,
            @RequestParam(required = false) String rejectionReason,
            Authentication authentication,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!(authentication.getPrincipal() instanceof BuyerPrincipal buyer)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("approvals", java.util.List.of());
            model.addAttribute("failure", "approvals.failure.signIn");
            return VIEW;
        }
        try {
            var decided = approvals.decide(id, buyer.userId(), new Decision(approved, rejectionReason));
            redirect.addFlashAttribute("decided", decided.state().name());
            return "redirect:/store/account/approvals";
        } catch (InvalidRegistrationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorsFor", id);
            model.addAttribute("rejectionReason", rejectionReason);
            // the decision's only rules are on the reason: a rejection needs one, of at most 2,000 characters
            model.addAttribute(
                    "failure",
                    rejectionReason == null || rejectionReason.isBlank()
                            ? "approvals.failure.reasonMissing"
                            : "approvals.failure.reasonTooLong");
        } catch (ApprovalForbiddenException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("failure", "approvals.failure.forbidden");
        } catch (ApprovalNotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("failure", "approvals.failure.notFound");
        } catch (RegistrationAlreadyDecidedException | RegistrationConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("failure", "approvals.failure.decided");
        }
        model.addAttribute("approvals", approvals.pendingFor(buyer.userId()));
        return VIEW;
    }
}

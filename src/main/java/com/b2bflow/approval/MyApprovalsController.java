package com.b2bflow.approval;

import com.b2bflow.approval.ApprovalGroupAdministration.ApproverGroup;
import com.b2bflow.approval.ApprovalGroupAdministration.BuyerAdministrator;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.security.BuyerPrincipal;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in buyer's approvals (session cookie; CSRF header {@code X-XSRF-TOKEN} on writes): buyer registrations
 * waiting for their decision, and, for buyer administrators, the registration approvers of their organizations.
 */
@RestController
@ProblemResponses
@RequestMapping("/api/me")
@Tag(
        name = "Buyer registration approvals",
        description = "Approvers decide buyer self-registrations; buyer "
                + "administrators manage their organizations' registration approvers")
class MyApprovalsController {

    private final BuyerApprovals approvals;
    private final ApprovalGroupAdministration groups;

    MyApprovalsController(BuyerApprovals approvals, ApprovalGroupAdministration groups) {
        this.approvals = approvals;
        this.groups = groups;
    }

    @GetMapping("/approvals")
    @Operation(summary = "Buyer registrations waiting for my decision, oldest first")
    List<PendingApproval> pending(Authentication authentication) {
        return approvals.pendingFor(buyerId(authentication));
    }

    @PostMapping(path = "/approvals/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Approve or reject a buyer registration",
            description = "200 with the registration's new state; 400 without approved, or rejecting without a "
                    + "reason; 403 unless you are one of its approvers or a buyer administrator above them; "
                    + "404 no such buyer registration; 409 decided already")
    SubmittedRegistration decide(
            @PathVariable String id, @RequestBody @Valid Decision decision, Authentication authentication) {
        return approvals.decide(id, buyerId(authentication), decision);
    }

    @GetMapping("/organizations/{organizationId}/approvers")
    @Operation(summary = "The registration approvers of an organization I administer, and who may be added")
    ApproverGroup approvers(@PathVariable long organizationId, Authentication authentication) {
        return groups.view(manager(authentication), organizationId);
    }

    @PutMapping("/organizations/{organizationId}/approvers/{userId}")
    @Operation(summary = "Make a user with the Buyer Approver role of my organizations an approver (idempotent)")
    ApproverGroup addApprover(
            @PathVariable long organizationId, @PathVariable long userId, Authentication authentication) {
        return groups.add(manager(authentication), organizationId, userId);
    }

    @DeleteMapping("/organizations/{organizationId}/approvers/{userId}")
    @Operation(summary = "Remove a registration approver (idempotent)")
    ApproverGroup removeApprover(
            @PathVariable long organizationId, @PathVariable long userId, Authentication authentication) {
        return groups.remove(manager(authentication), organizationId, userId);
    }

    private static BuyerAdministrator manager(Authentication authentication) {
        return new BuyerAdministrator(buyerId(authentication));
    }

    static long buyerId(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof BuyerPrincipal buyer) {
            return buyer.userId();
        }
        throw new ApprovalForbiddenException("Sign in with your storefront account");
    }
}

package com.b2bflow.approval;

import com.b2bflow.approval.ApprovalGroupAdministration.ApproverGroup;
import com.b2bflow.approval.ApprovalGroupAdministration.SellerStaff;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seller staff (HTTP Basic, seller-admins or site-admins) manage any customer organization's registration approvers. */
@RestController
@ProblemResponses
@RequestMapping("/api/staff/organizations/{organizationId}/approvers")
@Tag(name = "Buyer registration approvals")
class StaffApproversController {

    private final ApprovalGroupAdministration groups;

    StaffApproversController(ApprovalGroupAdministration groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "The registration approvers of a customer organization, and who may be added")
    ApproverGroup approvers(@PathVariable long organizationId, Authentication authentication) {
        return groups.view(staff(authentication), organizationId);
    }

    @PutMapping("/{userId}")
    @Operation(summary = "Make a user with the Buyer Approver role of the same customer tree an approver (idempotent)")
    ApproverGroup addApprover(
            @PathVariable long organizationId, @PathVariable long userId, Authentication authentication) {
        return groups.add(staff(authentication), organizationId, userId);
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Remove a registration approver (idempotent)")
    ApproverGroup removeApprover(
            @PathVariable long organizationId, @PathVariable long userId, Authentication authentication) {
        return groups.remove(staff(authentication), organizationId, userId);
    }

    private static SellerStaff staff(Authentication authentication) {
        return new SellerStaff(authentication.getName());
    }
}

package com.b2bflow.account;

import com.b2bflow.member.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user may order when approved and enabled, and their organization (or an organization above it) is
 * approved and has an active account with a contract in force today.
 */
@Service
public class OrderingEligibility {

    private final Contracts contracts;

    public OrderingEligibility(Contracts contracts) {
        this.contracts = contracts;
    }

    @Transactional(readOnly = true)
    public boolean mayOrder(User user) {
        if (!user.isEnabled()
                || user.getRegistrationState() != com.b2bflow.member.ApprovalState.APPROVED
                || !user.getOrganization().isApproved()) {
            return false;
        }
        return contracts.orderingUnder(user.getOrganization()).stream().anyMatch(ContractView::inForce);
    }
}

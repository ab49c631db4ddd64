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
        return status(user).mayOrder();
    }

    /** Whether the user may order and, when not, why ({@link OrderingStatus#of} is the rule). */
    @Transactional(readOnly = true)
    public OrderingStatus status(User user) {
        return OrderingStatus.of(
                user.isEnabled(),
                user.getRegistrationState(),
                user.getOrganization().getState(),
                contracts.orderingUnder(user.getOrganization()));
    }
}

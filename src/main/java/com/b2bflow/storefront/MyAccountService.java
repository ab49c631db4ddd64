package com.b2bflow.storefront;

import com.b2bflow.account.Contracts;
import com.b2bflow.account.OrderingEligibility;
import com.b2bflow.account.OrderingStatus;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MyAccountService {

    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final OrderingEligibility ordering;
    private final Contracts contracts;

    public MyAccountService(
            UserRepository users, RoleAssignmentRepository roles, OrderingEligibility ordering, Contracts contracts) {
        this.users = users;
        this.roles = roles;
        this.ordering = ordering;
        this.contracts = contracts;
    }

    @Transactional(readOnly = true)
    public MyAccount of(long userId) {
        User user = users.findById(userId).orElseThrow();
        OrderingStatus ordering = this.ordering.status(user);
        return new MyAccount(
                user.getId(),
                user.getLogonId(),
                user.getDisplayName(),
                user.getOrganization().getId(),
                user.getOrganization().getName(),
                user.getOrganization().getState().name(),
                roles.findByUser(user).stream()
                        .map(RoleAssignment::getRole)
                        .distinct()
                        .sorted()
                        .toList(),
                ordering.mayOrder(),
                ordering.reason(),
                ordering.startsOn(),
                contracts.orderingUnder(user.getOrganization()));
    }
}

package com.b2bflow.account;

import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user may order when approved and enabled, and their organization (or an organization above it) is
 * approved and has an active account with a contract in force today.
 */
@Service
public class OrderingEligibility {

    private final OrganizationRepository organizations;
    private final AccountRepository accounts;

    public OrderingEligibility(OrganizationRepository organizations, AccountRepository accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public boolean mayOrder(User user) {
        if (!user.isEnabled() || user.getRegistrationState() != com.b2bflow.member.ApprovalState.APPROVED
                || !user.getOrganization().isApproved()) {
            return false;
        }
        List<Organization> lineage = new ArrayList<>();
        lineage.add(user.getOrganization());
        lineage.addAll(organizations.findAncestors(user.getOrganization().getId()));
        LocalDate today = LocalDate.now();
        return lineage.stream().flatMap(org -> accounts.findByOrganization(org).stream())
                .filter(account -> account.getState() == AccountState.ACTIVE)
                .flatMap(account -> account.getContracts().stream())
                .anyMatch(contract -> contract.isInForceOn(today));
    }
}

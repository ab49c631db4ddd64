package com.b2bflow.support;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationParents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Storefront users made directly in the member tables, for tests of what happens to an existing account. */
@Component
public class TestUsers {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final TransactionTemplate transactions;

    public TestUsers(OrganizationRepository organizations, UserRepository users, TransactionTemplate transactions) {
        this.organizations = organizations;
        this.users = users;
        this.transactions = transactions;
    }

    /** An approved, enabled user without a password (as the ERP integration creates them), in a new organization. */
    public User waitingForActivation() {
        String key = TestRegistrations.unique("user");
        return transactions.execute(status -> {
            Organization organization = organizations.save(new Organization(
                    key + " GmbH",
                    organizations.getReferenceById(RegistrationParents.ROOT_ORGANIZATION_ID),
                    OrganizationType.O,
                    ApprovalState.APPROVED));
            User user = new User(key, organization, ProfileType.B);
            user.setLastName("Tester");
            user.setFirstName("Tina");
            user.setEmail(key + "@example.com");
            user.approve();
            return users.saveAndFlush(user);
        });
    }
}

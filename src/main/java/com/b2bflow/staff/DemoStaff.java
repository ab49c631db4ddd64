package com.b2bflow.staff;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo staff users, one per group, password {@code demo}; only when {@code app.demo-data.enabled}. */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
public class DemoStaff {

    static final String PASSWORD = "demo";

    private final IdentityService identity;

    public DemoStaff(IdentityService identity) {
        this.identity = identity;
    }

    /** Called by {@link StaffIdentitySetup} once the groups exist. */
    void ensureUsers() {
        ensure("seller-admin", "Sam", "Seller", StaffGroups.SELLER_ADMINS);
        // a second seller administrator: the four-eyes rule needs someone other than the reviewer to approve
        ensure("seller-approver", "Pia", "Approver", StaffGroups.SELLER_ADMINS);
        ensure("account-rep", "Alex", "Account", StaffGroups.ACCOUNT_REPS);
        ensure("site-admin", "Sita", "Site", StaffGroups.SITE_ADMINS);
        ensure("backoffice", "Bo", "Office", StaffGroups.BACKOFFICE);
        ensure("csr", "Casey", "Service", StaffGroups.CUSTOMER_SERVICE);
        ensure("erp-integration", "ERP", "Integration", StaffGroups.INTEGRATION);
        ensure("designer", "Dana", "Designer", StaffGroups.PROCESS_DESIGNERS);
    }

    private void ensure(String id, String firstName, String lastName, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@staff.example.com");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }
}

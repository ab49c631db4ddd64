package com.b2bflow.staff;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo staff users, one per group, password {@code demo}; only when {@code app.demo-data.enabled}. */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
public class DemoStaff {

    /** The documented password of every demo user. */
    public static final String PASSWORD = "demo";

    /** A demo staff user and what they do in the walkthrough (docs/try-it.md). */
    public record DemoUser(String id, String firstName, String lastName, String group, String does) {}

    private static final List<DemoUser> USERS = List.of(
            new DemoUser(
                    "seller-admin",
                    "Sam",
                    "Seller",
                    StaffGroups.SELLER_ADMINS,
                    "reviews and gives the final approval of registrations"),
            new DemoUser("account-rep", "Alex", "Account", StaffGroups.ACCOUNT_REPS, "sets up accounts and contracts"),
            new DemoUser("site-admin", "Sita", "Site", StaffGroups.SITE_ADMINS, "approves resellers; escalations"),
            new DemoUser(
                    "backoffice", "Bo", "Office", StaffGroups.BACKOFFICE, "links shop-approval users to customers"),
            new DemoUser(
                    "csr", "Casey", "Service", StaffGroups.CUSTOMER_SERVICE, "acts on behalf of buyer administrators"),
            new DemoUser(
                    "erp-integration",
                    "ERP",
                    "Integration",
                    StaffGroups.INTEGRATION,
                    "the ERP integration's technical user (API only)"),
            new DemoUser(
                    "designer",
                    "Dana",
                    "Designer",
                    StaffGroups.PROCESS_DESIGNERS,
                    "deploys models; watches and migrates instances in Cockpit"));

    private final IdentityService identity;

    public DemoStaff(IdentityService identity) {
        this.identity = identity;
    }

    public List<DemoUser> users() {
        return USERS;
    }

    /** Called by {@link StaffIdentitySetup} once the groups exist. */
    void ensureUsers() {
        USERS.forEach(this::ensure);
    }

    private void ensure(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@staff.example.com");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createUserQuery()
                        .userId(demo.id())
                        .memberOfGroup(demo.group())
                        .count()
                == 0) {
            identity.createMembership(demo.id(), demo.group());
        }
    }
}

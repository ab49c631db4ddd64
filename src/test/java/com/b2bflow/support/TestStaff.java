package com.b2bflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff users of their own for a test (Camunda identity), so that no test locks or changes a shared demo user. */
public final class TestStaff {

    private TestStaff() {}

    /** A new staff user with a unique id starting with the prefix, member of the given groups. */
    public static String create(IdentityService identity, String prefix, String password, String... groups) {
        String id = TestRegistrations.unique(prefix);
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName(prefix);
        user.setEmail(id + "@staff.example.com");
        user.setPassword(password);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }
}

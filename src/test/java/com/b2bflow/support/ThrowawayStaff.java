package com.b2bflow.support;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A staff user of one test, for trying wrong passwords: a wrong password delays that user's next sign-in for a few
 * seconds (Camunda's login delay), which would fail any later test class signing in as a shared demo user.
 */
public record ThrowawayStaff(IdentityService identity, String id, String password) implements AutoCloseable {

    public static ThrowawayStaff inGroup(IdentityService identity, String group) {
        String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Probe-password-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setEmail(id + "@staff.example.com");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, group);
        return new ThrowawayStaff(identity, id, password);
    }

    @Override
    public void close() {
        identity.deleteUser(id);
    }
}

package com.b2bflow.security;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationParents;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Approved, enabled storefront users with a known password, for the sign-in tests of this package. */
final class SignInUsers {

    static final String PASSWORD = "Secret-pass1";

    private SignInUsers() {}

    static User approved(OrganizationRepository organizations, UserRepository users, PasswordEncoder encoder) {
        Organization organization = organizations.saveAndFlush(new Organization(
                "Lockout Org " + suffix(),
                organizations.findById(RegistrationParents.ROOT_ORGANIZATION_ID).orElseThrow(),
                OrganizationType.O,
                ApprovalState.APPROVED));
        String logonId = "buyer-" + suffix() + "@example.com";
        User user = new User(logonId, organization, ProfileType.B);
        user.setEmail(logonId);
        user.setFirstName("Test");
        user.setLastName("Buyer");
        user.setPasswordHash(encoder.encode(PASSWORD));
        user.setRegistrationState(ApprovalState.APPROVED);
        user.setEnabled(true);
        return users.saveAndFlush(user);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package com.b2bflow.registration;

import com.b2bflow.member.ProfileType;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registration policies as configured under {@code app.registration}: the roles that exist and, per
 * registration type, where registered organizations go and what registered users get; and whether the final approval
 * of an organization must come from someone other than its reviewer ({@code four-eyes}, on unless set to false).
 */
@ConfigurationProperties("app.registration")
public record RegistrationProperties(List<String> roles, Map<String, Policy> policies, Boolean fourEyes) {

    /**
     * @param parent          path of organization names below the root, e.g. {@code Seller/Buyer Organizations}
     * @param roles           roles every user registered this way gets (HCL Commerce's registrationQualifier)
     * @param selectableRoles the role template a superuser picks from when creating a user this way
     * @param organizationRoles the roles the review starts with for the organization to grant (empty: the seller's
     *     default, the SuperuserCreation policy's selectable roles)
     * @param approvalGroups  the approval groups the review starts with (null: User Registration)
     */
    public record Policy(
            String parent,
            List<String> roles,
            List<String> selectableRoles,
            Boolean approvalRequired,
            ProfileType profileType,
            List<String> organizationRoles,
            List<String> approvalGroups) {}
}

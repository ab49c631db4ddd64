package com.b2bflow.registration;

import com.b2bflow.member.ProfileType;
import java.util.List;

/**
 * A validated registration policy. {@code parentPath} is empty for types that create no organization;
 * {@code organizationRoles} is empty when the review starts with the seller's default roles, {@code approvalGroups}
 * holds the approval types the review starts with.
 */
public record RegistrationPolicy(
        RegistrationType type,
        List<String> parentPath,
        List<String> roles,
        List<String> selectableRoles,
        boolean approvalRequired,
        ProfileType profileType,
        List<String> organizationRoles,
        List<String> approvalGroups) {}

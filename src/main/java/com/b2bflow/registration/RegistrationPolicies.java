package com.b2bflow.registration;

import com.b2bflow.member.ApprovalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** All registration policies, validated when built: a bad one stops start-up with the key that is wrong. */
public class RegistrationPolicies {

    private static final String PREFIX = "app.registration.policies.";

    private final Set<String> knownRoles;
    private final boolean fourEyes;
    private final Map<RegistrationType, RegistrationPolicy> policies = new EnumMap<>(RegistrationType.class);

    public RegistrationPolicies(RegistrationProperties properties) {
        if (properties.roles() == null || properties.roles().isEmpty()) {
            throw new InvalidRegistrationPolicyException("app.registration.roles", "no roles are configured");
        }
        this.knownRoles = Set.copyOf(properties.roles());
        this.fourEyes = !Boolean.FALSE.equals(properties.fourEyes());
        Map<String, RegistrationProperties.Policy> configured =
                properties.policies() == null ? Map.of() : properties.policies();
        configured.forEach((name, policy) -> {
            RegistrationType type = typeNamed(name);
            policies.put(type, validate(type, PREFIX + name, policy));
        });
        for (RegistrationType type : RegistrationType.values()) {
            if (!policies.containsKey(type)) {
                throw new InvalidRegistrationPolicyException(PREFIX + type.name(), "no policy is configured");
            }
        }
    }

    public RegistrationPolicy forType(RegistrationType type) {
        return policies.get(type);
    }

    public RegistrationPolicy forFlow(RegistrationFlow flow) {
        return forType(flow.policyType());
    }

    /** Whether an organization's final approval must come from someone other than its reviewer. */
    public boolean fourEyes() {
        return fourEyes;
    }

    public Set<String> knownRoles() {
        return knownRoles;
    }

    public List<RegistrationPolicy> all() {
        return List.copyOf(policies.values());
    }

    private static RegistrationType typeNamed(String name) {
        return Arrays.stream(RegistrationType.values())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidRegistrationPolicyException(
                        PREFIX + name,
                        "unknown registration type '" + name + "'; known types: "
                                + Arrays.stream(RegistrationType.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
    }

    private RegistrationPolicy validate(RegistrationType type, String key, RegistrationProperties.Policy policy) {
        if (policy == null) {
            throw new InvalidRegistrationPolicyException(key, "empty policy");
        }
        List<String> parentPath = parentPath(type, key, policy.parent());
        List<String> roles = knownRolesOnly(key + ".roles", policy.roles());
        List<String> selectable = knownRolesOnly(key + ".selectable-roles", policy.selectableRoles());
        if (policy.approvalRequired() == null) {
            throw new InvalidRegistrationPolicyException(key + ".approval-required", "must be true or false");
        }
        if (policy.profileType() == null) {
            throw new InvalidRegistrationPolicyException(key + ".profile-type", "must be B or C");
        }
        return new RegistrationPolicy(
                type,
                parentPath,
                roles,
                selectable,
                policy.approvalRequired(),
                policy.profileType(),
                knownRolesOnly(key + ".organization-roles", policy.organizationRoles()),
                approvalGroups(key + ".approval-groups", policy.approvalGroups()));
    }

    private static List<String> approvalGroups(String key, List<String> groups) {
        if (groups == null) {
            return List.of(ApprovalType.UserRegistration.name());
        }
        List<String> known =
                Arrays.stream(ApprovalType.values()).map(Enum::name).toList();
        for (int i = 0; i < groups.size(); i++) {
            if (!known.contains(groups.get(i))) {
                throw new InvalidRegistrationPolicyException(
                        key + "[" + i + "]",
                        "unknown approval group '" + groups.get(i) + "'; known: " + String.join(", ", known));
            }
        }
        return List.copyOf(groups);
    }

    private static List<String> parentPath(RegistrationType type, String key, String parent) {
        if (parent == null || parent.isBlank()) {
            if (type.createsOrganization()) {
                throw new InvalidRegistrationPolicyException(
                        key + ".parent",
                        "missing registration parent organization (a path of names such as 'Seller/Buyers')");
            }
            return List.of();
        }
        List<String> path =
                Arrays.stream(parent.split("/", -1)).map(String::strip).toList();
        if (path.stream().anyMatch(String::isEmpty)) {
            throw new InvalidRegistrationPolicyException(
                    key + ".parent", "empty organization name in '" + parent + "'");
        }
        return path;
    }

    private List<String> knownRolesOnly(String key, List<String> roles) {
        List<String> checked = new ArrayList<>();
        List<String> given = roles == null ? List.of() : roles;
        for (int i = 0; i < given.size(); i++) {
            if (!knownRoles.contains(given.get(i))) {
                throw new InvalidRegistrationPolicyException(
                        key + "[" + i + "]",
                        "unknown role '" + given.get(i) + "'; known roles: " + String.join(", ", knownRoles));
            }
            checked.add(given.get(i));
        }
        return List.copyOf(checked);
    }
}

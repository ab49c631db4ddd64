package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers' organizations: everything below a registration parent (the seller's own organizations, the root
 * and the registration parents are not customers). Buyers join one of them by name; approval groups are managed
 * within one customer tree.
 */
@Component
public class CustomerOrganizations {

    /** The policies whose organizations buyers may join: registered organizations and resellers. */
    static final Set<RegistrationType> JOINABLE =
            EnumSet.of(RegistrationType.BuyerRegistration, RegistrationType.ResellerRegistration);

    /** The same message for an unknown, pending, rejected or seller-side name: it reveals nothing. */
    private final RegistrationPolicies policies;

    private final RegistrationParents parents;
    private final OrganizationRepository organizations;

    public CustomerOrganizations(
            RegistrationPolicies policies, RegistrationParents parents, OrganizationRepository organizations) {
        this.policies = policies;
        this.parents = parents;
        this.organizations = organizations;
    }

    /** The organization itself, then its ancestors up to the root, nearest first. */
    @Transactional(readOnly = true)
    public List<Organization> lineage(Organization organization) {
        List<Organization> lineage = new ArrayList<>();
        lineage.add(organization);
        lineage.addAll(organizations.findAncestors(organization.getId()));
        return lineage;
    }

    /** The top customer organization of the organization's tree (the one just below its registration parent). */
    @Transactional(readOnly = true)
    public Optional<Organization> top(Organization organization) {
        return top(
                lineage(organization),
                registrationParentIds(
                        policies.all().stream().map(RegistrationPolicy::type).collect(Collectors.toSet())));
    }

    public boolean isCustomerOrganization(Organization organization) {
        return top(organization).isPresent();
    }

    /**
     * The approved organization a buyer named: its exact name or, when several organizations have that name, a
     * path such as {@code ACME/Purchasing}. Only organizations registered as buyer or reseller organizations and
     * their sub-organizations count, each of them (and their parents) approved. Any other name is a 400 that does
     * not say whether it exists.
     */
    @Transactional(readOnly = true)
    public Organization joinable(String typedName) {
        String name = typedName.strip();
        Set<Long> joinableParents = registrationParentIds(JOINABLE);
        List<Organization> matches = approvedNamed(name).stream()
                .filter(org -> isJoinable(lineage(org), joinableParents))
                .toList();
        if (matches.isEmpty() && name.contains("/")) {
            List<String> path =
                    Arrays.stream(name.split("/")).map(Names::normalize).toList();
            matches = approvedNamed(path.get(path.size() - 1)).stream()
                    .map(this::lineage)
                    .filter(lineage -> matchesPath(lineage, path) && isJoinable(lineage, joinableParents))
                    .map(lineage -> lineage.get(0))
                    .toList();
        }
        if (matches.size() > 1) {
            throw InvalidRegistrationException.of("organization.name", Texts.text("validation.organizationAmbiguous"));
        }
        return matches.stream()
                .findFirst()
                .orElseThrow(() -> InvalidRegistrationException.of(
                        "organization.name", Texts.text("validation.organizationNotJoinable")));
    }

    private List<Organization> approvedNamed(String name) {
        return name.isEmpty()
                ? List.of()
                : organizations.findByNameNormalizedAndState(Names.normalize(name), ApprovalState.APPROVED);
    }

    /** Below a joinable registration parent, and approved all the way up to it. */
    private static boolean isJoinable(List<Organization> lineage, Set<Long> joinableParents) {
        for (Organization org : lineage) {
            if (joinableParents.contains(org.getId())) {
                return org != lineage.get(0);
            }
            if (!org.isApproved()) {
                return false;
            }
        }
        return false;
    }

    /** The path's names, last first, are the names of the organization and its nearest ancestors. */
    private static boolean matchesPath(List<Organization> lineage, List<String> path) {
        if (path.size() > lineage.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(path.size() - 1 - i)
                    .equals(Names.normalize(lineage.get(i).getName()))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Organization> top(List<Organization> lineage, Set<Long> parentIds) {
        for (int i = 1; i < lineage.size(); i++) {
            if (parentIds.contains(lineage.get(i).getId())) {
                return Optional.of(lineage.get(i - 1));
            }
        }
        return Optional.empty();
    }

    private Set<Long> registrationParentIds(Set<RegistrationType> types) {
        return policies.all().stream()
                .filter(policy ->
                        types.contains(policy.type()) && !policy.parentPath().isEmpty())
                .map(policy -> parents.parentIdFor(policy.type()))
                .collect(Collectors.toSet());
    }
}

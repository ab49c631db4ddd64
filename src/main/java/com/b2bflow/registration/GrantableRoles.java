package com.b2bflow.registration;

import com.b2bflow.member.Organization;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles a buyer administrator (or a CSR on their behalf) may give to buyers of an organization. A seller
 * administrator assigns them to an organization (the review's {@code organizationRoles}, later
 * {@code PUT /api/staff/organizations/{id}/roles}); an organization without roles of its own takes those of its nearest
 * ancestor within the customer's tree that has some; a tree where no organization has any falls back to the seller's
 * default, the SuperuserCreation policy's selectable roles. The roles are stored as role assignments without a user.
 */
@Service
public class GrantableRoles {

    /**
     * @param roles         the roles that apply, in a stable order
     * @param definedBy     the organization whose own roles they are; empty when the seller's default applies
     */
    public record Resolution(List<String> roles, Optional<Organization> definedBy) {

        public boolean inherited(Organization organization) {
            return definedBy
                    .map(owner -> !owner.getId().equals(organization.getId()))
                    .orElse(true);
        }
    }

    private final RoleAssignmentRepository assignments;
    private final CustomerOrganizations customerOrganizations;
    private final RegistrationPolicies policies;

    public GrantableRoles(
            RoleAssignmentRepository assignments,
            CustomerOrganizations customerOrganizations,
            RegistrationPolicies policies) {
        this.assignments = assignments;
        this.customerOrganizations = customerOrganizations;
        this.policies = policies;
    }

    /** The seller's default: the roles a superuser may pick in the SuperuserCreation policy. */
    public List<String> defaults() {
        return policies.forFlow(RegistrationFlow.SUPERUSER).selectableRoles();
    }

    @Transactional(readOnly = true)
    public Resolution resolve(Organization organization) {
        List<Organization> lineage = customerOrganizations.lineage(organization);
        Optional<Organization> top = customerOrganizations.top(organization);
        for (Organization candidate : lineage) {
            List<String> own = own(candidate);
            if (!own.isEmpty()) {
                return new Resolution(own, Optional.of(candidate));
            }
            if (top.isPresent() && top.get().getId().equals(candidate.getId())) {
                break;
            }
        }
        return new Resolution(defaults(), Optional.empty());
    }

    /** The roles the organization may grant, its own or inherited. */
    @Transactional(readOnly = true)
    public List<String> of(Organization organization) {
        return resolve(organization).roles();
    }

    /** The organization's own roles, sorted (empty: it inherits). */
    @Transactional(readOnly = true)
    public List<String> own(Organization organization) {
        return assignments.findByOrganizationAndUserIsNull(organization).stream()
                .map(RoleAssignment::getRole)
                .distinct()
                .sorted()
                .toList();
    }

    /** Replaces the organization's own roles (already validated); an empty list makes it inherit again. */
    @Transactional
    public void replace(Organization organization, List<String> roles) {
        List<String> wanted = roles.stream().distinct().toList();
        List<RoleAssignment> current = assignments.findByOrganizationAndUserIsNull(organization);
        current.stream()
                .filter(assignment -> !wanted.contains(assignment.getRole()))
                .forEach(assignments::delete);
        List<String> kept = current.stream().map(RoleAssignment::getRole).toList();
        wanted.stream()
                .filter(role -> !kept.contains(role))
                .forEach(role -> assignments.save(RoleAssignment.grantableIn(organization, role)));
        assignments.flush();
    }
}

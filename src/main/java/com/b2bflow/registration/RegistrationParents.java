package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organizations that registered organizations are placed under, one per policy; created at start-up
 * when missing. Several nodes may start at once: a lost creation race is resolved by reading the winner's.
 */
@Component
public class RegistrationParents implements SmartInitializingSingleton {

    public static final long ROOT_ORGANIZATION_ID = -2001L;

    private final RegistrationPolicies policies;
    private final OrganizationRepository organizations;
    private final TransactionTemplate transactions;
    private final Map<RegistrationType, Long> parentIds = new EnumMap<>(RegistrationType.class);

    public RegistrationParents(
            RegistrationPolicies policies, OrganizationRepository organizations, TransactionTemplate transactions) {
        this.policies = policies;
        this.organizations = organizations;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (RegistrationPolicy policy : policies.all()) {
            if (!policy.parentPath().isEmpty()) {
                parentIds.put(policy.type(), ensurePath(policy.parentPath()));
            }
        }
    }

    /** The id of the organization that registrations of this type are placed under. */
    public long parentIdFor(RegistrationType type) {
        Long id = parentIds.get(type);
        if (id == null) {
            throw new IllegalStateException("Registration type " + type + " places no organization");
        }
        return id;
    }

    private long ensurePath(List<String> path) {
        long parentId = ROOT_ORGANIZATION_ID;
        for (String name : path) {
            parentId = ensureChild(parentId, name);
        }
        return parentId;
    }

    private long ensureChild(long parentId, String name) {
        try {
            return transactions.execute(status -> findOrCreate(parentId, name));
        } catch (DataIntegrityViolationException lostRace) {
            return transactions.execute(status -> findOrCreate(parentId, name));
        }
    }

    private long findOrCreate(long parentId, String name) {
        Organization parent = organizations.getReferenceById(parentId);
        return organizations
                .findByParentAndNameNormalized(parent, Names.normalize(name))
                .orElseGet(() -> organizations.saveAndFlush(
                        new Organization(name, parent, OrganizationType.O, ApprovalState.APPROVED)))
                .getId();
    }
}

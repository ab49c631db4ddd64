package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organization hierarchy queries (recursive SQL) and the registration parents created at start-up; run on
 * H2 and on PostgreSQL ({@link OrganizationHierarchyTest}, tag database).
 *
 * <pre>
 * Root Organization (-2001)
 *  ├─ A
 *  │   ├─ A1
 *  │   │   └─ A1a
 *  │   └─ A2
 *  └─ B
 * </pre>
 */
abstract class OrganizationHierarchyContract {

    private static final long ROOT = RegistrationParents.ROOT_ORGANIZATION_ID;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    RegistrationParents registrationParents;

    Organization a;
    Organization a1;
    Organization a1a;
    Organization a2;
    Organization b;

    @BeforeEach
    void buildTree() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Organization root = organizations.findById(ROOT).orElseThrow();
        a = create("A " + suffix, root);
        b = create("B " + suffix, root);
        // children created out of name order, so that the order seen is the query's, not the insertion's
        a2 = create("A2 " + suffix, a);
        a1 = create("A1 " + suffix, a);
        a1a = create("A1a " + suffix, a1);
    }

    private Organization create(String name, Organization parent) {
        return organizations.saveAndFlush(new Organization(name, parent, OrganizationType.O, ApprovalState.APPROVED));
    }

    @Test
    void subtreeIsSelfAndAllDescendantsParentsFirst() {
        List<Long> subtree = ids(organizations.findSubtree(a.getId()));

        assertThat(subtree).containsExactlyInAnyOrder(a.getId(), a1.getId(), a2.getId(), a1a.getId());
        assertThat(subtree.get(0)).isEqualTo(a.getId());
        assertThat(subtree.indexOf(a1.getId())).isLessThan(subtree.indexOf(a1a.getId()));
        // siblings by name
        assertThat(subtree).containsSubsequence(a1.getId(), a2.getId());
    }

    @Test
    void subtreeOfALeafIsTheLeaf() {
        assertThat(ids(organizations.findSubtree(a1a.getId()))).containsExactly(a1a.getId());
        assertThat(ids(organizations.findSubtree(b.getId()))).containsExactly(b.getId());
    }

    @Test
    void subtreeOfAnUnknownOrganizationIsEmpty() {
        assertThat(organizations.findSubtree(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void subtreeOfTheRootContainsEverything() {
        List<Long> all = ids(organizations.findSubtree(ROOT));
        assertThat(all.get(0)).isEqualTo(ROOT);
        assertThat(all).contains(a.getId(), a1.getId(), a1a.getId(), a2.getId(), b.getId());
        assertThat(all.indexOf(a.getId())).isLessThan(all.indexOf(a1.getId()));
        assertThat(all.indexOf(a1.getId())).isLessThan(all.indexOf(a1a.getId()));
    }

    @Test
    void ancestorsAreNearestFirstWithoutSelfEndingAtTheRoot() {
        assertThat(ids(organizations.findAncestors(a1a.getId()))).containsExactly(a1.getId(), a.getId(), ROOT);
        assertThat(ids(organizations.findAncestors(a2.getId()))).containsExactly(a.getId(), ROOT);
        assertThat(ids(organizations.findAncestors(a.getId()))).containsExactly(ROOT);
    }

    @Test
    void theRootHasNoAncestors() {
        assertThat(organizations.findAncestors(ROOT)).isEmpty();
    }

    @Test
    void withinSubtree() {
        assertThat(organizations.isWithinSubtree(a.getId(), a.getId()))
                .as("self")
                .isTrue();
        assertThat(organizations.isWithinSubtree(a.getId(), a1.getId()))
                .as("child")
                .isTrue();
        assertThat(organizations.isWithinSubtree(a.getId(), a1a.getId()))
                .as("grandchild")
                .isTrue();
        assertThat(organizations.isWithinSubtree(ROOT, a1a.getId()))
                .as("below the root")
                .isTrue();

        assertThat(organizations.isWithinSubtree(a1a.getId(), a.getId()))
                .as("ancestor")
                .isFalse();
        assertThat(organizations.isWithinSubtree(a1.getId(), a2.getId()))
                .as("sibling")
                .isFalse();
        assertThat(organizations.isWithinSubtree(a1.getId(), a1a.getId()))
                .as("own child")
                .isTrue();
        assertThat(organizations.isWithinSubtree(a.getId(), b.getId()))
                .as("other branch")
                .isFalse();
        assertThat(organizations.isWithinSubtree(b.getId(), a1a.getId()))
                .as("other branch, deep")
                .isFalse();
        assertThat(organizations.isWithinSubtree(a.getId(), Long.MAX_VALUE))
                .as("unknown")
                .isFalse();
    }

    @Test
    void likelyDuplicatesByNameTaxIdOrEmailDomain() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Organization existing = new Organization("Dup " + suffix, b, OrganizationType.O, ApprovalState.APPROVED);
        existing.setTaxId("TAX-" + suffix);
        existing.setEmailDomain("Dup-" + suffix + ".example.com");
        existing = organizations.saveAndFlush(existing);
        long none = Long.MIN_VALUE;

        assertThat(ids(organizations.findLikelyDuplicates(none, Names.normalize("DUP " + suffix), null, null)))
                .containsExactly(existing.getId());
        assertThat(ids(organizations.findLikelyDuplicates(none, "other " + suffix, "TAX-" + suffix, null)))
                .containsExactly(existing.getId());
        assertThat(ids(organizations.findLikelyDuplicates(
                        none, "other " + suffix, null, "dup-" + suffix + ".example.com")))
                .containsExactly(existing.getId());
        assertThat(organizations.findLikelyDuplicates(none, "other " + suffix, null, null))
                .isEmpty();
        assertThat(organizations.findLikelyDuplicates(
                        existing.getId(), Names.normalize("Dup " + suffix), "TAX-" + suffix, null))
                .as("itself excluded")
                .isEmpty();
    }

    @Test
    void registrationParentsAreCreatedAtStartUp() {
        Organization root = organizations.findById(ROOT).orElseThrow();
        Organization seller = organizations
                .findByParentAndNameNormalized(root, Names.normalize("Seller"))
                .orElseThrow();
        Organization buyers = organizations
                .findByParentAndNameNormalized(seller, Names.normalize("Buyer Organizations"))
                .orElseThrow();

        assertThat(seller.getState()).isEqualTo(ApprovalState.APPROVED);
        assertThat(buyers.getName()).isEqualTo("Buyer Organizations");
        assertThat(buyers.getState()).isEqualTo(ApprovalState.APPROVED);
        assertThat(ids(organizations.findAncestors(buyers.getId()))).containsExactly(seller.getId(), ROOT);
        assertThat(registrationParents.parentIdFor(RegistrationType.BuyerRegistration))
                .isEqualTo(buyers.getId());

        // the other policies' parents, sharing "Seller"; ERP and ERP-approval registrations share one parent
        for (String name : List.of("Reseller Organizations", "Shop Customers", "ERP Customers")) {
            Organization parent = organizations
                    .findByParentAndNameNormalized(seller, Names.normalize(name))
                    .orElseThrow(() -> new AssertionError("missing registration parent " + name));
            assertThat(parent.getState()).isEqualTo(ApprovalState.APPROVED);
        }
        assertThat(registrationParents.parentIdFor(RegistrationType.ErpRegistration))
                .isEqualTo(registrationParents.parentIdFor(RegistrationType.ErpApprovalRegistration));
        assertThat(organizations.findAll().stream()
                        .filter(o -> o.getName().equals("Seller")
                                && o.getParent() != null
                                && o.getParent().getId() == ROOT))
                .hasSize(1);
    }

    private static List<Long> ids(List<Organization> list) {
        return list.stream().map(Organization::getId).toList();
    }
}

package com.b2bflow.member;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrganizationRepository extends JpaRepository<Organization, Long> {

    /** The organization itself and everything below it, parents before children. */
    @Query(nativeQuery = true, value = """
            WITH RECURSIVE subtree (id, depth) AS (
                SELECT id, 0 FROM organization WHERE id = :rootId
                UNION ALL
                SELECT o.id, s.depth + 1 FROM organization o JOIN subtree s ON o.parent_id = s.id
            )
            SELECT o.* FROM organization o JOIN subtree s ON o.id = s.id ORDER BY s.depth, o.name
            """)
    List<Organization> findSubtree(@Param("rootId") long rootId);

    /** The ancestors of an organization, nearest first, without the organization itself. */
    @Query(nativeQuery = true, value = """
            WITH RECURSIVE ancestors (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM organization WHERE id = :id
                UNION ALL
                SELECT o.id, o.parent_id, a.depth + 1 FROM organization o JOIN ancestors a ON o.id = a.parent_id
            )
            SELECT o.* FROM organization o JOIN ancestors a ON o.id = a.id WHERE a.depth > 0 ORDER BY a.depth
            """)
    List<Organization> findAncestors(@Param("id") long id);

    @Query(nativeQuery = true, value = """
            WITH RECURSIVE ancestors (id, parent_id) AS (
                SELECT id, parent_id FROM organization WHERE id = :descendantId
                UNION ALL
                SELECT o.id, o.parent_id FROM organization o JOIN ancestors a ON o.id = a.parent_id
            )
            SELECT COUNT(*) FROM ancestors WHERE id = :ancestorId
            """)
    long countAncestorOrSelf(@Param("ancestorId") long ancestorId, @Param("descendantId") long descendantId);

    default boolean isWithinSubtree(long rootId, long organizationId) {
        return countAncestorOrSelf(rootId, organizationId) > 0;
    }

    Optional<Organization> findByParentIsNullAndNameNormalized(String nameNormalized);

    Optional<Organization> findByParentAndNameNormalized(Organization parent, String nameNormalized);

    Optional<Organization> findByErpCustomerNumber(String erpCustomerNumber);

    List<Organization> findByNameNormalizedAndState(String nameNormalized, ApprovalState state);

    @Query("""
            select o from Organization o
            where o.id <> :excludeId and (o.nameNormalized = :nameNormalized
               or (:taxId is not null and o.taxId = :taxId)
               or (:emailDomain is not null and o.emailDomain = :emailDomain))
            order by o.name
            """)
    List<Organization> findLikelyDuplicates(
            @Param("excludeId") long excludeId,
            @Param("nameNormalized") String nameNormalized,
            @Param("taxId") String taxId,
            @Param("emailDomain") String emailDomain);

    /** The organizations directly below one, by name (the staff console's list of children). */
    org.springframework.data.domain.Page<Organization> findByParentIdOrderByName(
            Long parentId, org.springframework.data.domain.Pageable page);
}

package com.b2bflow.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByTargetTypeAndTargetIdOrderByOccurredAt(String targetType, String targetId);

    /**
     * What customer service did in the given organizations (on behalf of their administrators, or to them), newest
     * first: customer service gives a reason for every action, nobody else does.
     */
    List<AuditEvent> findByReasonIsNotNullAndOrganizationIdInOrderByOccurredAtDescIdDesc(
            Collection<Long> organizationIds, Pageable page);

    /** Everything customer service did, newest first. */
    List<AuditEvent> findByReasonIsNotNullOrderByOccurredAtDescIdDesc(Pageable page);

    /** What happened in an organization or to it, newest first (the staff console's audit trail of an organization). */
    @org.springframework.data.jpa.repository.Query("""
            select e from AuditEvent e
            where e.organizationId = :organizationId
               or (e.targetType = 'Organization' and e.targetId = :targetId)
            order by e.occurredAt desc, e.id desc""")
    org.springframework.data.domain.Page<AuditEvent> findConcerningOrganization(
            @org.springframework.data.repository.query.Param("organizationId") Long organizationId,
            @org.springframework.data.repository.query.Param("targetId") String targetId,
            Pageable page);
}

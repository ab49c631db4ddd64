package com.b2bflow.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApprovalGroupRepository extends JpaRepository<ApprovalGroup, Long> {

    Optional<ApprovalGroup> findByOrganizationAndType(Organization organization, ApprovalType type);

    List<ApprovalGroup> findByTypeAndOrganizationIdIn(ApprovalType type, Collection<Long> organizationIds);

    /** The groups of a type that the user is an approver in. */
    @Query("select g from ApprovalGroup g join g.approvers a where g.type = :type and a.id = :userId")
    List<ApprovalGroup> findByTypeAndApprover(@Param("type") ApprovalType type, @Param("userId") long userId);
}

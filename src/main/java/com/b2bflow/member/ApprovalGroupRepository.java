package com.b2bflow.member;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovalGroupRepository extends JpaRepository<ApprovalGroup, Long> {

    Optional<ApprovalGroup> findByOrganizationAndType(Organization organization, ApprovalType type);
}

package com.b2bflow.member;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long> {

    List<RoleAssignment> findByUser(User user);

    List<RoleAssignment> findByOrganizationAndUserIsNull(Organization organization);

    void deleteByUser(User user);
}

package com.b2bflow.member;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long> {

    List<RoleAssignment> findByUser(User user);

    List<RoleAssignment> findByOrganizationAndUserIsNull(Organization organization);

    void deleteByUser(User user);

    /** Users of these organizations who have the role (in any organization). */
    @Query("""
            select distinct u from RoleAssignment r join r.user u
            where r.role = :role and u.organization.id in :organizationIds
            order by u.logonId
            """)
    List<User> findUsersWithRole(
            @Param("role") String role, @Param("organizationIds") Collection<Long> organizationIds);
}

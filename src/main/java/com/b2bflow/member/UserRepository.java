package com.b2bflow.member;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, Long> {

    @EntityGraph(attributePaths = "organization")
    Optional<User> findByLogonIdNormalized(String logonIdNormalized);

    default Optional<User> findByLogonId(String logonId) {
        return findByLogonIdNormalized(Names.normalize(logonId));
    }

    boolean existsByLogonIdNormalized(String logonIdNormalized);

    List<User> findByOrganization(Organization organization);
}

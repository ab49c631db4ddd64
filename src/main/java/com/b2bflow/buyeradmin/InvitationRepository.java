package com.b2bflow.buyeradmin;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    @EntityGraph(attributePaths = "organization")
    Optional<Invitation> findByTokenHash(String tokenHash);

    @EntityGraph(attributePaths = {"organization", "acceptedUser"})
    List<Invitation> findByOrganizationIdOrderByCreatedAtDescIdDesc(long organizationId);
}

package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationRepository extends JpaRepository<Registration, String> {

    boolean existsByPreviousRegistration(Registration previous);

    Optional<Registration> findFirstByOrganizationIdOrderBySubmittedAtDesc(Long organizationId);

    @EntityGraph(attributePaths = {"organization", "user"})
    List<Registration> findByFlowAndStateAndOrganizationIdInOrderBySubmittedAt(RegistrationFlow flow,
                                                                             ApprovalState state,
                                                                             Collection<Long> organizationIds);
}

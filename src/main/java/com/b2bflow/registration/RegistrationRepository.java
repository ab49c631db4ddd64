package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RegistrationRepository
        extends JpaRepository<Registration, String>,
                org.springframework.data.jpa.repository.JpaSpecificationExecutor<Registration> {

    /** The registration a process or a mail belongs to: it exists for as long as they do. */
    default Registration require(String registrationId) {
        return findById(registrationId)
                .orElseThrow(() -> new IllegalStateException("No registration " + registrationId));
    }

    /** Registrations per flow and state: rows of (flow, state, count). */
    @Query("select r.flow, r.state, count(r) from Registration r group by r.flow, r.state")
    List<Object[]> countByFlowAndState();

    boolean existsByPreviousRegistration(Registration previous);

    /** The correction of a rejected registration, if one was submitted. */
    Optional<Registration> findByPreviousRegistration(Registration previous);

    Optional<Registration> findFirstByOrganizationIdOrderBySubmittedAtDesc(Long organizationId);

    @EntityGraph(attributePaths = {"organization", "user"})
    List<Registration> findByFlowAndStateAndOrganizationIdInOrderBySubmittedAt(
            RegistrationFlow flow, ApprovalState state, Collection<Long> organizationIds);
}

package com.b2bflow.registration;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationRepository extends JpaRepository<Registration, String> {

    boolean existsByPreviousRegistration(Registration previous);

    Optional<Registration> findFirstByOrganizationIdOrderBySubmittedAtDesc(Long organizationId);
}

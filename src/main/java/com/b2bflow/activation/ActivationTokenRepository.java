package com.b2bflow.activation;

import com.b2bflow.member.User;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ActivationTokenRepository extends JpaRepository<ActivationToken, Long> {

    @EntityGraph(attributePaths = "user")
    Optional<ActivationToken> findByTokenHash(String tokenHash);

    List<ActivationToken> findByUserAndUsedAtIsNull(User user);

    boolean existsByUser(User user);

    boolean existsByUserAndUsedAtIsNotNull(User user);

    Optional<ActivationToken> findFirstByUserOrderByCreatedAtDesc(User user);
}

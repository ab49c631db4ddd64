package com.b2bflow.member;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends JpaRepository<User, Long> {

    @EntityGraph(attributePaths = "organization")
    Optional<User> findByLogonIdNormalized(String logonIdNormalized);

    default Optional<User> findByLogonId(String logonId) {
        return findByLogonIdNormalized(Names.normalize(logonId));
    }

    boolean existsByLogonIdNormalized(String logonIdNormalized);

    /**
     * The users whose rejected registration released this logon id, newest first: until someone else takes the id,
     * signing in with it still says that the registration was rejected.
     */
    @Query("""
            select u from User u join fetch u.organization
            where lower(u.logonId) = :normalized and u.logonIdNormalized <> :normalized
              and u.registrationState = com.b2bflow.member.ApprovalState.REJECTED
            order by u.id desc""")
    List<User> findReleasedLogonId(@Param("normalized") String normalized, Pageable limit);

    /** The user holding the logon id, else the latest rejected user who released it. */
    default Optional<User> findByLogonIdOrReleased(String logonId) {
        return findByLogonId(logonId)
                .or(() -> findReleasedLogonId(Names.normalize(logonId), Pageable.ofSize(1)).stream()
                        .findFirst());
    }

    /**
     * A successful sign-in, written in one statement without touching the version: simultaneous sign-ins of one
     * account (two tabs, a script) used to fail each other's commit with an optimistic-locking 500, and a sign-in
     * should not make a concurrent edit of the user fail either.
     */
    @Modifying
    @Query("update User u set u.failedLoginCount = 0, u.lockedUntil = null, u.lastLoginAt = :at where u.id = :id")
    int recordSuccessfulLogin(@Param("id") long id, @Param("at") java.time.Instant at);

    List<User> findByOrganization(Organization organization);

    /**
     * Buyers of one organization whose logon id, email, first or last name starts with {@code prefix} (see
     * {@link #prefixPattern}), by name; the storefront's buyer search.
     */
    @Query("""
            select u from User u
            where u.organization.id = :organizationId
              and (u.logonIdNormalized like :prefix escape '\\' or lower(u.email) like :prefix escape '\\'
                   or lower(u.firstName) like :prefix escape '\\' or lower(u.lastName) like :prefix escape '\\')
            order by lower(u.lastName), lower(u.firstName), u.logonIdNormalized
            """)
    List<User> searchInOrganization(
            @Param("organizationId") long organizationId, @Param("prefix") String prefix, Pageable page);

    /** A case-insensitive LIKE prefix pattern: {@code Sm_th} becomes {@code sm\_th%}. */
    static String prefixPattern(String query) {
        return query.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    /** The users of one organization, by logon id (the staff console's list of administrators and buyers). */
    org.springframework.data.domain.Page<User> findByOrganizationIdOrderByLogonIdNormalized(
            Long organizationId, Pageable page);
}

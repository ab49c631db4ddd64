package com.b2bflow.registration;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NameReservationRepository extends JpaRepository<NameReservation, Long> {

    /**
     * Whether a submission other than {@code own} ("": any) holds the name: its registration exists, or it is still
     * under way (reserved after {@code abandonedBefore}).
     */
    @Query("""
            select count(r) > 0 from NameReservation r where r.kind = :kind and r.nameKey = :nameKey
             and r.registrationId <> :own
             and (r.reservedAt > :abandonedBefore or exists (select g.id from Registration g where g.id = r.registrationId))
            """)
    boolean held(NameReservation.Kind kind, String nameKey, String own, Instant abandonedBefore);

    /** Removes reservations of the names whose submission never committed and is no longer under way. */
    @Modifying(flushAutomatically = true)
    @Query("""
            delete from NameReservation r where r.kind = :kind and r.nameKey = :nameKey
             and r.reservedAt <= :abandonedBefore
             and not exists (select g.id from Registration g where g.id = r.registrationId)
            """)
    int deleteAbandoned(NameReservation.Kind kind, String nameKey, Instant abandonedBefore);

    @Modifying(flushAutomatically = true)
    @Query("delete from NameReservation r where r.registrationId = :registrationId and r.kind in :kinds")
    int release(String registrationId, java.util.Collection<NameReservation.Kind> kinds);
}

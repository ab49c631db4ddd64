package com.b2bflow.registration;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NameReservationRepository extends JpaRepository<NameReservation, Long> {

    boolean existsByKindAndNameKey(NameReservation.Kind kind, String nameKey);

    boolean existsByKindAndNameKeyAndRegistrationIdNot(NameReservation.Kind kind, String nameKey,
                                                       String registrationId);

    @Modifying(flushAutomatically = true)
    @Query("delete from NameReservation r where r.registrationId = :registrationId and r.kind in :kinds")
    int release(String registrationId, java.util.Collection<NameReservation.Kind> kinds);
}

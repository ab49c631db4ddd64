package com.b2bflow.registration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A name a submitted registration will take once its process creates the member: its unique constraint decides
 * between two submissions of the same name before either member exists.
 */
@Entity
class NameReservation {

    enum Kind {
        LOGON_ID,
        ORGANIZATION_NAME,
        ERP_CUSTOMER_NUMBER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String nameKey;
    private String registrationId;
    private Instant reservedAt;

    protected NameReservation() {}

    NameReservation(Kind kind, String nameKey, String registrationId) {
        this.kind = kind;
        this.nameKey = nameKey;
        this.registrationId = registrationId;
        this.reservedAt = Instant.now();
    }
}

package com.b2bflow.registration;

import com.b2bflow.member.Names;
import com.b2bflow.registration.NameReservation.Kind;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the logon id, organization name and ERP customer number of a submitted registration from its submission
 * until its process creates the member that carries them (that member's unique constraint holds them from then on),
 * or until the registration is rejected or withdrawn before that. So a second submission of the same name is
 * answered 409 at once even when a designer has put a step before the creation.
 */
@Component
public class NameReservations {

    private final NameReservationRepository reservations;
    private final TransactionTemplate separately;
    private final Duration abandonedAfter;

    NameReservations(
            NameReservationRepository reservations,
            PlatformTransactionManager transactionManager,
            @Value("${app.registration.abandoned-reservation-after:PT1M}") Duration abandonedAfter) {
        this.reservations = reservations;
        this.abandonedAfter = abandonedAfter;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether another submission than {@code own} (null: any) reserved the logon id. */
    boolean logonIdReserved(String logonId, String own) {
        return reserved(Kind.LOGON_ID, Names.normalize(logonId), own);
    }

    boolean organizationNameReserved(long parentId, String name, String own) {
        return reserved(Kind.ORGANIZATION_NAME, organizationKey(parentId, name), own);
    }

    private boolean reserved(Kind kind, String key, String own) {
        return reservations.held(kind, key, own == null ? "" : own, abandonedBefore());
    }

    /**
     * A reservation whose submission never committed (its node died between the two commits) and that is older than
     * {@code app.registration.abandoned-reservation-after}, longer than any submission takes, no longer holds its
     * name: the next submission of that name removes it and takes the name.
     */
    private boolean removeAbandoned(ReservedNames names) {
        Instant before = abandonedBefore();
        int removed = 0;
        for (Map.Entry<Kind, String> name : keys(names).entrySet()) {
            removed += reservations.deleteAbandoned(name.getKey(), name.getValue(), before);
        }
        return removed > 0;
    }

    private Instant abandonedBefore() {
        return Instant.now().minus(abandonedAfter);
    }

    private static Map<Kind, String> keys(ReservedNames names) {
        Map<Kind, String> keys = new EnumMap<>(Kind.class);
        if (names.organizationName() != null) {
            keys.put(Kind.ORGANIZATION_NAME, organizationKey(names.parentId(), names.organizationName()));
        }
        if (names.erpCustomerNumber() != null) {
            keys.put(Kind.ERP_CUSTOMER_NUMBER, names.erpCustomerNumber());
        }
        keys.put(Kind.LOGON_ID, Names.normalize(names.logonId()));
        return keys;
    }

    /**
     * Reserves what {@code draft} will create; 409 when another submission holds one of them. The reservations
     * commit at once, in a transaction of their own, so that a concurrent duplicate meets them as a unique violation
     * and is answered 409 at once instead of waiting for the submission's locks; they are removed again when the
     * submission's transaction does not commit.
     */
    void reserve(String registrationId, MemberDraft draft) {
        reserve(registrationId, ReservedNames.of(draft));
    }

    void reserve(String registrationId, ReservedNames names) {
        try {
            separately.executeWithoutResult(status -> reserveNow(registrationId, names));
        } catch (RegistrationConflictException taken) {
            if (!Boolean.TRUE.equals(separately.execute(status -> removeAbandoned(names)))) {
                throw taken;
            }
            separately.executeWithoutResult(status -> reserveNow(registrationId, names));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    if (outcome != STATUS_COMMITTED) {
                        separately.executeWithoutResult(status -> release(registrationId));
                    }
                }
            });
        }
    }

    /** Reserves {@code names} in the current transaction; 409 when another submission holds one. */
    private void reserveNow(String registrationId, ReservedNames names) {
        if (names.organizationName() != null) {
            reserve(
                    new NameReservation(
                            Kind.ORGANIZATION_NAME,
                            organizationKey(names.parentId(), names.organizationName()),
                            registrationId),
                    RegistrationConflictException.organizationNameTaken());
        }
        if (names.erpCustomerNumber() != null) {
            reserve(
                    new NameReservation(Kind.ERP_CUSTOMER_NUMBER, names.erpCustomerNumber(), registrationId),
                    new RegistrationConflictException(
                            "organization.erpCustomerNumber", Texts.text("conflict.erpCustomerNumberTaken")));
        }
        reserve(
                new NameReservation(Kind.LOGON_ID, Names.normalize(names.logonId()), registrationId),
                RegistrationConflictException.logonIdTaken());
    }

    private void reserve(NameReservation reservation, RegistrationConflictException conflict) {
        try {
            reservations.saveAndFlush(reservation);
        } catch (DataIntegrityViolationException e) {
            throw conflict;
        }
    }

    /** The organization exists now: its own unique constraints hold its name and ERP customer number. */
    void organizationCreated(String registrationId) {
        reservations.release(registrationId, EnumSet.of(Kind.ORGANIZATION_NAME, Kind.ERP_CUSTOMER_NUMBER));
    }

    /** The user exists now: its own unique constraint holds the logon id. */
    void userCreated(String registrationId) {
        reservations.release(registrationId, EnumSet.of(Kind.LOGON_ID));
    }

    /** The registration was rejected or withdrawn before its members were created: its names are free again. */
    public void release(String registrationId) {
        reservations.release(registrationId, List.of(Kind.values()));
    }

    private static String organizationKey(long parentId, String name) {
        return parentId + "/" + Names.normalize(name);
    }
}

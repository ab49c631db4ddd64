package com.b2bflow.registration;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import com.b2bflow.staff.StaffDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every submitter does with the registering user and the registration record, whatever the flow: correcting a
 * rejected registration, the logon id check, hashing the password beside the transaction, and saving the
 * registration with what its process will create before starting that process. Runs in the submitter's transaction.
 */
@Component
public class RegistrationApplicants {

    private final PasswordEncoder passwordEncoder;
    private final UserRepository users;
    private final RegistrationRepository registrations;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final NameReservations reservations;
    private final RegistrationMembers members;
    private final OrganizationRepository organizations;

    RegistrationApplicants(
            PasswordEncoder passwordEncoder,
            UserRepository users,
            OrganizationRepository organizations,
            RegistrationRepository registrations,
            StaffDirectory staff,
            RuntimeService runtime,
            AuditLog audit,
            ObjectMapper json,
            TransactionTemplate transactions,
            NameReservations reservations,
            RegistrationMembers members) {
        this.passwordEncoder = passwordEncoder;
        this.users = users;
        this.organizations = organizations;
        this.reservations = reservations;
        this.members = members;
        this.registrations = registrations;
        this.staff = staff;
        this.runtime = runtime;
        this.audit = audit;
        this.json = json;
        this.transactions = transactions;
    }

    /** How often a submission that lost a lock race is run again before its error is reported. */
    static final int LOCK_RACE_ATTEMPTS = 5;

    /**
     * At most this many submissions are in their transaction at once: a burst of submissions (1,000 at once in
     * ConcurrentDuplicateSubmissionTest) waits here, in memory, instead of taking every pooled connection and
     * making status lookups, sign-ins and staff work wait for one (and answer 503 after the pool's timeout).
     */
    static final int CONCURRENT_SUBMISSIONS = 4;

    /** How long a submission waits for its turn before it is answered 503 (a timed-out pool wait says the same). */
    static final Duration SUBMISSION_WAIT = Duration.ofSeconds(60);

    private final Semaphore submissionSlots = new Semaphore(CONCURRENT_SUBMISSIONS, true);

    /** Threads that hash the passwords of the submissions in their transactions (at most one each). */
    private final ExecutorService hashing = Executors.newFixedThreadPool(CONCURRENT_SUBMISSIONS, runnable -> {
        Thread thread = new Thread(runnable, "password-hash");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stopHashing() {
        hashing.shutdown();
    }

    /**
     * Runs {@code submission} in one transaction while the password is hashed on a thread of its own: the submission
     * is saved without the hash, which it (or the user its process creates) gets just before the commit, so the
     * deliberately slow hash overlaps the rest of the submission's work. The callers' up-front checks (logon id,
     * organization name) run before this, so a taken one is answered 409 without hashing. At most
     * {@link #CONCURRENT_SUBMISSIONS} submissions (and hashes) are under way at once, each holding one connection.
     * The unique constraints of the name reservations (and, once the creation steps ran, of the members) decide
     * between submissions that passed those checks together: the losers' violations become the same 409. Some databases (H2) report a loser as a lock timeout or a
     * concurrent update instead; such a submission runs once more, when its checks see the winner and answer 409 like
     * the others.
     */
    public SubmittedRegistration submitInTransaction(
            UserData user,
            ReservedNames names,
            BiFunction<String, PendingPasswordHash, SubmittedRegistration> submission) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            PendingPasswordHash passwordHash = PendingPasswordHash.of(passwordEncoder.encode(user.password()));
            String id = Registration.newPublicId();
            reservations.reserve(id, names);
            return transactions.execute(status -> submission.apply(id, passwordHash));
        }
        acquireSubmissionSlot();
        PendingPasswordHash passwordHash = new PendingPasswordHash(
                CompletableFuture.supplyAsync(() -> passwordEncoder.encode(user.password()), hashing));
        try {
            for (int attempt = 1; ; attempt++) {
                // the reservations commit first, with the one connection this submission holds: a duplicate meets
                // them as a unique violation (409 at once) instead of waiting on this submission's locks
                String id = Registration.newPublicId();
                reservations.reserve(id, names);
                try {
                    return transactions.execute(status -> submission.apply(id, passwordHash));
                } catch (RuntimeException e) {
                    transactions.executeWithoutResult(status -> reservations.release(id));
                    if (!(e instanceof ConcurrencyFailureException) || attempt >= LOCK_RACE_ATTEMPTS) {
                        throw e;
                    }
                    pause(Duration.ofMillis(100L * attempt));
                }
            }
        } finally {
            // a committed submission's hash is done (cancelling it changes nothing); a failed one's need not run
            passwordHash.cancel();
            submissionSlots.release();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionQueueBusyException("Interrupted while submitting a registration");
        }
    }

    private void acquireSubmissionSlot() {
        try {
            if (!submissionSlots.tryAcquire(SUBMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SubmissionQueueBusyException("Too many registrations are being submitted at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionQueueBusyException("Interrupted while waiting to submit a registration");
        }
    }

    /** The rejected registration of this flow that a submission corrects, or null when it corrects none. */
    public Registration rejectedRegistrationToCorrect(RegistrationFlow flow, String previousId) {
        if (previousId == null || previousId.isBlank()) {
            return null;
        }
        Registration previous = registrations
                .findById(previousId)
                .filter(r -> r.getFlow() == flow && r.getState() == ApprovalState.REJECTED)
                .orElseThrow(() -> InvalidRegistrationException.of(
                        "previousRegistrationId", Texts.text("conflict.noRejectedRegistration")));
        if (registrations.existsByPreviousRegistration(previous)) {
            throw new RegistrationConflictException("previousRegistrationId", Texts.text("conflict.alreadyCorrected"));
        }
        return previous;
    }

    /** 409 when another storefront user or a staff member has the logon id; {@code reusable} may keep its own. */
    public void requireLogonIdFree(UserData user, User reusable) {
        requireLogonIdFree(user.logonId(), reusable, null);
    }

    /** As above, inside the submission {@code ownRegistrationId} whose own reservation does not count. */
    public void requireLogonIdFree(UserData user, User reusable, String ownRegistrationId) {
        requireLogonIdFree(user.logonId(), reusable, ownRegistrationId);
    }

    public void requireLogonIdFree(String logonId, User reusable) {
        requireLogonIdFree(logonId, reusable, null);
    }

    private void requireLogonIdFree(String logonId, User reusable, String ownRegistrationId) {
        boolean taken = users.findByLogonIdNormalized(Names.normalize(logonId))
                .filter(existing -> reusable == null || !existing.getId().equals(reusable.getId()))
                .isPresent();
        if (taken || staff.exists(logonId.strip()) || reservations.logonIdReserved(logonId, ownRegistrationId)) {
            throw RegistrationConflictException.logonIdTaken();
        }
    }

    /**
     * 409 when an organization under {@code parentId} has the name, or a submission waiting for its organization to
     * be created reserved it; {@code reusable} (the organization of a corrected registration) may keep its own.
     */
    public void requireOrganizationNameFree(long parentId, String name, Organization reusable) {
        requireOrganizationNameFree(parentId, name, reusable, null);
    }

    /** As above, inside the submission {@code ownRegistrationId} whose own reservation does not count. */
    public void requireOrganizationNameFree(
            long parentId, String name, Organization reusable, String ownRegistrationId) {
        boolean taken = organizations
                .findByParentAndNameNormalized(organizations.getReferenceById(parentId), Names.normalize(name))
                .filter(org -> reusable == null || !org.getId().equals(reusable.getId()))
                .isPresent();
        if (taken || reservations.organizationNameReserved(parentId, name, ownRegistrationId)) {
            throw RegistrationConflictException.organizationNameTaken();
        }
    }

    /**
     * Saves the registration with what its process will create ({@code draft}) and the password hash (null for
     * flows without a password), reserves the names the draft takes, and starts the flow's process with the
     * registration id as business key. The process's creation steps run in this transaction unless its model puts
     * a wait before them. Returns the managed registration.
     */
    public Registration start(
            Registration submitted, MemberDraft draft, PendingPasswordHash passwordHash, StartVariables variables) {
        return start(submitted, draft, passwordHash, variables, false);
    }

    /**
     * {@link #start} for a submission whose names {@link #submitInTransaction} reserved already, and the audit
     * record of a storefront submission.
     */
    public SubmittedRegistration start(
            Registration submitted,
            MemberDraft draft,
            PendingPasswordHash passwordHash,
            StartVariables variables,
            String details) {
        Registration registration = start(submitted, draft, passwordHash, variables, true);
        audit.record(
                draft.user().logonId(),
                "REGISTRATION_SUBMITTED",
                "Registration",
                registration.getId(),
                registration.getFlow().pathSegment() + " registration " + details
                        + (registration.getPreviousRegistration() == null
                                ? ""
                                : ", correcting "
                                        + registration.getPreviousRegistration().getId()));
        return new SubmittedRegistration(registration.getId(), registration.getState());
    }

    private Registration start(
            Registration submitted,
            MemberDraft draft,
            PendingPasswordHash passwordHash,
            StartVariables variables,
            boolean reservedBeforehand) {
        submitted.setMemberDraft(members.toJson(draft));
        // an assigned id makes Spring Data merge: keep working on the managed copy it returns
        Registration registration = registrations.saveAndFlush(submitted);
        if (passwordHash != null) {
            registration.holdPasswordHash(passwordHash);
        }
        if (!reservedBeforehand) {
            reservations.reserve(registration.getId(), draft);
        }
        registration.setProcessInstanceId(runtime.startProcessInstanceByKey(
                        registration.getFlow().processKey(), registration.getId(), variables.asMap())
                .getId());
        return registration;
    }

    /** What was submitted, as JSON; the password fields are write-only and never serialized. */
    public String submittedData(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a registration", e);
        }
    }
}

package com.b2bflow.registration;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Address;
import com.b2bflow.member.AddressData;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.staff.StaffDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every submitter does with the registering user and the registration record, whatever the flow: correcting a
 * rejected registration, the logon id check, the PENDING user with its password hash, address and policy roles, and
 * starting the flow's process. Runs in the submitter's transaction.
 */
@Component
public class RegistrationApplicants {

    private final PasswordEncoder passwordEncoder;
    private final UserRepository users;
    private final AddressRepository addresses;
    private final RoleAssignmentRepository roles;
    private final RegistrationRepository registrations;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    RegistrationApplicants(PasswordEncoder passwordEncoder, UserRepository users, AddressRepository addresses,
                           RoleAssignmentRepository roles, RegistrationRepository registrations, StaffDirectory staff,
                           RuntimeService runtime, AuditLog audit, ObjectMapper json,
                           TransactionTemplate transactions) {
        this.passwordEncoder = passwordEncoder;
        this.users = users;
        this.addresses = addresses;
        this.roles = roles;
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
     * saves the user without the hash ({@link #savePendingUser}), which the user gets just before the commit, so the
     * deliberately slow hash overlaps the rest of the submission's work. The callers' up-front checks (logon id,
     * organization name) run before this, so a taken one is answered 409 without hashing. At most
     * {@link #CONCURRENT_SUBMISSIONS} submissions (and hashes) are under way at once, each holding one connection.
     * The unique constraints decide between submissions that passed those checks together: the losers' constraint
     * violations become the same 409 (ConstraintConflicts). Some databases (H2) report a loser as a lock timeout or a
     * concurrent update instead; such a submission runs once more, when its checks see the winner and answer 409 like
     * the others.
     */
    public SubmittedRegistration submitInTransaction(UserData user,
                                                     Function<PendingPasswordHash, SubmittedRegistration> submission) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            PendingPasswordHash passwordHash = PendingPasswordHash.of(passwordEncoder.encode(user.password()));
            return transactions.execute(status -> submission.apply(passwordHash));
        }
        acquireSubmissionSlot();
        PendingPasswordHash passwordHash = new PendingPasswordHash(
                CompletableFuture.supplyAsync(() -> passwordEncoder.encode(user.password()), hashing));
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(status -> submission.apply(passwordHash));
                } catch (ConcurrencyFailureException e) {
                    if (attempt >= LOCK_RACE_ATTEMPTS) {
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
            throw new CannotGetJdbcConnectionException("Interrupted while submitting a registration");
        }
    }

    private void acquireSubmissionSlot() {
        try {
            if (!submissionSlots.tryAcquire(SUBMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CannotGetJdbcConnectionException("Too many registrations are being submitted at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotGetJdbcConnectionException("Interrupted while waiting to submit a registration");
        }
    }

    /** The rejected registration of this flow that a submission corrects, or null when it corrects none. */
    public Registration rejectedRegistrationToCorrect(RegistrationFlow flow, String previousId) {
        if (previousId == null || previousId.isBlank()) {
            return null;
        }
        Registration previous = registrations.findById(previousId)
                .filter(r -> r.getFlow() == flow && r.getState() == ApprovalState.REJECTED)
                .orElseThrow(() -> InvalidRegistrationException.of("previousRegistrationId",
                        "There is no rejected registration with this id to correct"));
        if (registrations.existsByPreviousRegistration(previous)) {
            throw new RegistrationConflictException("previousRegistrationId",
                    "This registration was already corrected and submitted again");
        }
        return previous;
    }

    /** 409 when another storefront user or a staff member has the logon id; {@code reusable} may keep its own. */
    public void requireLogonIdFree(UserData user, User reusable) {
        requireLogonIdFree(user.logonId(), reusable);
    }

    public void requireLogonIdFree(String logonId, User reusable) {
        boolean taken = users.findByLogonIdNormalized(Names.normalize(logonId))
                .filter(existing -> reusable == null || !existing.getId().equals(reusable.getId())).isPresent();
        if (taken || staff.exists(logonId.strip())) {
            throw RegistrationConflictException.logonIdTaken();
        }
    }

    /**
     * Saves the registering user PENDING and disabled in {@code organization}, with the password hash (made beside
     * the transaction by {@link #submitInTransaction}, written before it commits), an address
     * and the policy's roles; {@code existing} (the user of a corrected registration) is updated instead.
     */
    User savePendingUser(UserData data, PendingPasswordHash passwordHash, AddressData address,
                         Organization organization, RegistrationPolicy policy, User existing) {
        return savePendingUser(data, passwordHash, address, organization, policy, existing, true);
    }

    /**
     * As above; without {@code withRoles} the user gets no roles yet (a partial registration waits in a holding
     * organization and gets its roles in the customer it is linked to).
     */
    public User savePendingUser(UserData data, PendingPasswordHash passwordHash, AddressData address,
                                Organization organization, RegistrationPolicy policy, User existing,
                                boolean withRoles) {
        User user = existing == null ? new User(data.logonId(), organization, policy.profileType()) : existing;
        user.setOrganization(organization);
        user.setRegistrationState(ApprovalState.PENDING);
        user.setEnabled(false);
        user.setFirstName(blankToNull(data.firstName()));
        user.setMiddleName(blankToNull(data.middleName()));
        user.setLastName(data.lastName().strip());
        user.setEmail(data.email().strip());
        user.setPhone(blankToNull(data.phone()));
        user.setPreferredLanguage(blankToNull(data.preferredLanguage()));
        passwordHash.writeTo(user);
        users.saveAndFlush(user);
        if (existing != null) {
            // a corrected registration's user gets its address and roles anew; a new user has none (no queries)
            addresses.findFirstByUser(user).ifPresent(addresses::delete);
            roles.deleteByUser(user);
            roles.flush();
        }
        addresses.save(Address.ofUser(user, address));
        if (withRoles) {
            policy.roles().forEach(role -> roles.save(RoleAssignment.ofUser(user, organization, role)));
            roles.flush();
        }
        return user;
    }

    /** Saves the registration and starts its flow's process, with the registration id as business key. */
    public SubmittedRegistration start(Registration submitted, Map<String, Object> variables, String details) {
        // an assigned id makes Spring Data merge: keep working on the managed copy it returns
        Registration registration = registrations.saveAndFlush(submitted);
        registration.setProcessInstanceId(runtime.startProcessInstanceByKey(registration.getFlow().processKey(),
                registration.getId(), variables).getId());
        audit.record(registration.getUser().getLogonId(), "REGISTRATION_SUBMITTED", "Registration",
                registration.getId(), registration.getFlow().pathSegment() + " registration " + details
                        + (registration.getPreviousRegistration() == null ? ""
                        : ", correcting " + registration.getPreviousRegistration().getId()));
        return new SubmittedRegistration(registration.getId(), registration.getState());
    }

    /** What was submitted, as JSON; the password fields are write-only and never serialized. */
    public String submittedData(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a registration", e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.b2bflow.activation;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.staff.StaffDirectory;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password?". A request is answered at once, the same way whether or not the logon id exists: the
 * look-up, the token and the mail happen afterwards on a worker thread of their own, so neither the answer nor its
 * timing tells who has an account. Only an approved, enabled storefront account with a password gets a link, at most
 * one per {@code app.password-reset.request-interval}; staff (Camunda identity users) get none and are pointed to
 * their administrator by the page. Using a link sets a password under the password policy, lifts a sign-in lock and
 * mails a notice. Request and completion are audited; the token and the password never are.
 */
@Service
@EnableConfigurationProperties(PasswordResetProperties.class)
class PasswordResets {

    static final String ANONYMOUS = "anonymous";
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final int MAX_LOGON_ID = 254;
    private static final int QUEUED_REQUESTS = 1000;

    private final PasswordResetTokenRepository tokens;
    private final UserRepository users;
    private final StaffDirectory staff;
    private final NewPasswords passwords;
    private final PasswordResetMails mails;
    private final PasswordResetProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_REQUESTS),
            runnable -> {
                Thread thread = new Thread(runnable, "password-reset");
                thread.setDaemon(true);
                return thread;
            },
            (request, executor) -> log.warn("Password reset requests queue full: request dropped"));

    PasswordResets(
            PasswordResetTokenRepository tokens,
            UserRepository users,
            StaffDirectory staff,
            NewPasswords passwords,
            PasswordResetMails mails,
            PasswordResetProperties properties,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.tokens = tokens;
        this.users = users;
        this.staff = staff;
        this.passwords = passwords;
        this.mails = mails;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /** Takes the request and returns at once; the link, if any, is mailed afterwards ({@link #handle}). */
    void request(String logonId) {
        if (logonId == null || logonId.isBlank() || logonId.length() > MAX_LOGON_ID) {
            return;
        }
        String id = logonId.strip();
        worker.execute(() -> {
            try {
                handle(id);
            } catch (RuntimeException e) {
                // nobody waits for this answer; the user may ask again
                log.warn("Could not handle a password reset request: {}", e.toString());
            }
        });
    }

    /**
     * Mails a link to the account with this logon id if it may have one; audits the request in every case. The link
     * is mailed after its token committed: a failed send leaves an unused token, and the user may ask again.
     */
    void handle(String logonId) {
        IssuedLink issued = transactions.execute(status -> issue(logonId));
        if (issued != null) {
            mails.sendLink(issued.user(), issued.tokenId(), issued.rawToken(), issued.expiresAt());
        }
    }

    private IssuedLink issue(String logonId) {
        if (staff.exists(logonId)) {
            audit.record(
                    ANONYMOUS,
                    "PASSWORD_RESET_REQUESTED",
                    "StaffUser",
                    logonId,
                    "staff account: no link, staff reset passwords through their administrator");
            return null;
        }
        User user = users.findByLogonId(logonId).orElse(null);
        if (user == null) {
            audit.record(
                    ANONYMOUS,
                    "PASSWORD_RESET_REQUESTED",
                    "User",
                    "unknown",
                    "no storefront account with this logon id: no link");
            return null;
        }
        Instant now = Instant.now();
        String refused = refusal(user, now);
        IssuedLink issued = null;
        if (refused == null) {
            String raw = OneTimeTokens.newToken();
            PasswordResetToken token = tokens.saveAndFlush(
                    new PasswordResetToken(user, OneTimeTokens.hash(raw), now, now.plus(properties.ttl())));
            issued = new IssuedLink(user, token.getId(), raw, token.getExpiresAt());
        }
        audit.recordInOrganization(
                ANONYMOUS,
                null,
                null,
                organizationId(user),
                "PASSWORD_RESET_REQUESTED",
                "User",
                user.getId(),
                refused != null ? refused : "link mailed, valid until " + issued.expiresAt());
        return issued;
    }

    /** Why the user gets no link; null when they get one. */
    private String refusal(User user, Instant now) {
        if (user.getRegistrationState() != ApprovalState.APPROVED || !user.isEnabled()) {
            return "account " + user.getRegistrationState() + (user.isEnabled() ? "" : ", disabled") + ": no link";
        }
        if (user.getPasswordHash() == null) {
            return "account not activated yet: no link (the activation link sets the first password)";
        }
        if (tokens.existsByUserAndCreatedAtAfter(user, now.minus(properties.requestInterval()))) {
            return "a link was mailed less than " + properties.requestInterval() + " ago: no new link";
        }
        return null;
    }

    /** What the link is (usable, used, expired or unknown), without using it. */
    @Transactional(readOnly = true)
    public PasswordResetLink inspect(String rawToken) {
        return find(rawToken)
                .map(token -> new PasswordResetLink(
                        token.unusableReason(Instant.now()), token.getUser().getLogonId()))
                .orElseGet(() -> new PasswordResetLink(OneTimeLinkGoneException.Reason.UNKNOWN, null));
    }

    /**
     * Sets the password through a link: 410 unless the link is usable, 400 on field {@code password} naming each rule
     * the password breaks. Uses up every open link of the user, lifts a sign-in lock and mails a notice.
     */
    @Transactional
    public void confirm(String rawToken, String password) {
        PasswordResetToken token = find(rawToken)
                .orElseThrow(() -> OneTimeLinkGoneException.passwordReset(OneTimeLinkGoneException.Reason.UNKNOWN));
        Instant now = Instant.now();
        OneTimeLinkGoneException.Reason unusable = token.unusableReason(now);
        if (unusable != null) {
            throw OneTimeLinkGoneException.passwordReset(unusable);
        }
        User user = token.getUser();
        passwords.requireAcceptable(user, password);
        token.markUsed(now);
        tokens.findByUserAndUsedAtIsNull(user).forEach(open -> open.markUsed(now));
        boolean wasLocked = user.isLocked(now);
        passwords.set(user, password);
        user.unlock();
        tokens.flush();
        users.flush();
        audit.recordInOrganization(
                user.getLogonId(),
                null,
                null,
                organizationId(user),
                "PASSWORD_RESET_COMPLETED",
                "User",
                user.getId(),
                "password changed through a reset link" + (wasLocked ? "; sign-in lock lifted" : ""));
        mails.sendChangedAfterCommit(user.getId(), String.valueOf(token.getId()), now);
    }

    private java.util.Optional<PasswordResetToken> find(String rawToken) {
        return OneTimeTokens.lookupHash(rawToken).flatMap(tokens::findByTokenHash);
    }

    private static Long organizationId(User user) {
        return user.getOrganization() == null ? null : user.getOrganization().getId();
    }

    /** A token issued in the request's transaction, mailed after it committed. */
    private record IssuedLink(User user, long tokenId, String rawToken, Instant expiresAt) {}
}

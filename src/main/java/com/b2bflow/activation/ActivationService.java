package com.b2bflow.activation;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time set-password links. A token is 32 random bytes, URL-safe; only its SHA-256 is stored, so a database
 * reader cannot use a link. The raw token exists only in the mail: never log it, never put it in a process
 * variable or the audit.
 */
@Service
public class ActivationService {

    private final ActivationTokenRepository tokens;
    private final UserRepository users;
    private final NewPasswords passwords;
    private final ActivationProperties properties;
    private final AuditLog audit;
    private final RuntimeService runtime;

    ActivationService(
            ActivationTokenRepository tokens,
            UserRepository users,
            NewPasswords passwords,
            ActivationProperties properties,
            AuditLog audit,
            RuntimeService runtime) {
        this.tokens = tokens;
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
        this.runtime = runtime;
    }

    /** Creates a token for the user, valid for {@code app.activation.ttl}; returns the raw token (for the mail only). */
    @Transactional
    public String issue(User user) {
        String raw = OneTimeTokens.newToken();
        tokens.saveAndFlush(
                new ActivationToken(user, OneTimeTokens.hash(raw), Instant.now().plus(properties.ttl())));
        return raw;
    }

    /** What the link is (usable, used, expired or unknown), without using it. */
    @Transactional(readOnly = true)
    public ActivationLink inspect(String rawToken) {
        return find(rawToken)
                .map(token -> {
                    User user = token.getUser();
                    return new ActivationLink(
                            unusableReason(token).orElse(null), user.getLogonId(), user.getDisplayName());
                })
                .orElseGet(() -> new ActivationLink(OneTimeLinkGoneException.Reason.UNKNOWN, null, null));
    }

    /**
     * Sets the user's password through a link: the password must follow the policy (400 on field {@code password}),
     * the link must be usable (410 otherwise). Uses the link and every other open link of the user, and tells a flow
     * waiting for the activation ({@link ActivationMessages#ACCOUNT_ACTIVATED}).
     */
    @Transactional
    public void activate(String rawToken, String password) {
        ActivationToken token = find(rawToken)
                .orElseThrow(() -> OneTimeLinkGoneException.activation(OneTimeLinkGoneException.Reason.UNKNOWN));
        unusableReason(token).ifPresent(reason -> {
            throw OneTimeLinkGoneException.activation(reason);
        });
        User user = token.getUser();
        passwords.requireAcceptable(user, password);
        token.markUsed();
        tokens.findByUserAndUsedAtIsNull(user).forEach(ActivationToken::markUsed);
        passwords.set(user, password);
        tokens.flush();
        users.flush();
        audit.record(
                user.getLogonId(),
                "ACCOUNT_ACTIVATED",
                "User",
                user.getId(),
                "password set through an activation link");
        runtime.createMessageCorrelation(ActivationMessages.ACCOUNT_ACTIVATED)
                .processInstanceVariableEquals(ActivationMessages.USER_ID, user.getId())
                .correlateAllWithResult();
    }

    /**
     * Whether the user is waiting to set a password through a link: approved and enabled, never activated, and
     * either without a password or sent a link.
     */
    @Transactional(readOnly = true)
    public boolean isWaitingForActivation(User user) {
        return user.isEnabled()
                && user.getRegistrationState() == ApprovalState.APPROVED
                && !tokens.existsByUserAndUsedAtIsNotNull(user)
                && (user.getPasswordHash() == null || tokens.existsByUser(user));
    }

    /** Whether a link was issued to the user within {@code app.activation.renewal-interval}. */
    @Transactional(readOnly = true)
    public boolean issuedRecently(User user) {
        Instant limit = Instant.now().minus(properties.renewalInterval());
        return tokens.findFirstByUserOrderByCreatedAtDesc(user)
                .filter(token -> token.getCreatedAt().isAfter(limit))
                .isPresent();
    }

    /** The user a link was issued to, whatever its state (to offer a new link for an expired one). */
    @Transactional(readOnly = true)
    public Optional<Long> userOf(String rawToken) {
        return find(rawToken).map(token -> token.getUser().getId());
    }

    private Optional<ActivationToken> find(String rawToken) {
        return OneTimeTokens.lookupHash(rawToken).flatMap(tokens::findByTokenHash);
    }

    private static Optional<OneTimeLinkGoneException.Reason> unusableReason(ActivationToken token) {
        if (token.getUsedAt() != null) {
            return Optional.of(OneTimeLinkGoneException.Reason.USED);
        }
        if (!token.isUsable(Instant.now())) {
            return Optional.of(OneTimeLinkGoneException.Reason.EXPIRED);
        }
        return Optional.empty();
    }
}

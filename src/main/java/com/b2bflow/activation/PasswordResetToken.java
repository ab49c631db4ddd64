package com.b2bflow.activation;

import com.b2bflow.member.User;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;

/** A one-time "forgot your password" link; only the SHA-256 of the token is stored. */
@Entity
class PasswordResetToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    @Version
    private long version;

    protected PasswordResetToken() {}

    PasswordResetToken(User user, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Why the link cannot be used at {@code now}; null while it can. */
    OneTimeLinkGoneException.Reason unusableReason(Instant now) {
        if (usedAt != null) {
            return OneTimeLinkGoneException.Reason.USED;
        }
        return now.isBefore(expiresAt) ? null : OneTimeLinkGoneException.Reason.EXPIRED;
    }

    void markUsed(Instant now) {
        usedAt = now;
    }

    Long getId() {
        return id;
    }

    User getUser() {
        return user;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}

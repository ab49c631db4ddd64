package com.b2bflow.security;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling. Per storefront account: {@code max-failures} failed sign-ins in a row lock it for
 * {@code duration} (kept in {@code member_user.locked_until}, so every node of a cluster sees it). Per client
 * address: a Bucket4j token bucket of {@code address-max-failures} tokens refilled over {@code address-window};
 * every failed sign-in takes a token, and an empty bucket refuses sign-ins from that address. The buckets live in
 * the node's memory: in a cluster each node counts on its own (the per-account lock is shared).
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
public class LoginThrottle implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final LockoutProperties properties;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    LoginThrottle(LockoutProperties properties, UserRepository users, AuditLog audit) {
        this.properties = properties;
        this.users = users;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** First in the provider manager: refuses every sign-in from an address that failed too often. */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = address(authentication);
        if (address != null) {
            Bucket bucket = addresses.get(address);
            if (bucket != null && bucket.getAvailableTokens() < 1) {
                throw new LoginThrottledException();
            }
        }
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return true;
    }

    /** Whether the storefront account is locked now. */
    @Transactional(readOnly = true)
    public boolean isLocked(long userId) {
        return users.findById(userId).map(user -> user.isLocked(clock.instant())).orElse(false);
    }

    /** A failed sign-in with this name from the address in the authentication's details. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Authentication authentication) {
        String address = address(authentication);
        if (address != null) {
            if (addresses.size() > MAX_TRACKED_ADDRESSES) {
                addresses.clear();
            }
            addresses.computeIfAbsent(address, key -> newBucket()).tryConsume(1);
        }
        Instant now = clock.instant();
        users.findByLogonId(authentication.getName()).ifPresent(user -> {
            if (user.recordFailedLogin(properties.maxFailures(), properties.duration(), now)) {
                log.info("Storefront account {} locked until {} after {} failed sign-ins", user.getId(),
                        user.getLockedUntil(), properties.maxFailures());
                audit.recordInOrganization("system", null, null, organizationId(user), "ACCOUNT_LOCKED", "User",
                        user.getId(), "locked until " + user.getLockedUntil() + " after " + properties.maxFailures()
                                + " failed sign-ins");
            }
        });
    }

    /** Lifts the lock of a storefront account (staff); false when there is no such user. */
    @Transactional
    public boolean unlock(long userId, String staffId) {
        return users.findById(userId).map(user -> {
            boolean wasLocked = user.isLocked(clock.instant());
            user.unlock();
            audit.recordInOrganization(staffId, null, null, organizationId(user), "ACCOUNT_UNLOCKED", "User",
                    user.getId(), wasLocked ? "lock lifted by staff" : "failed sign-ins reset by staff (was not locked)");
            return true;
        }).orElse(false);
    }

    private static Long organizationId(User user) {
        return user.getOrganization() == null ? null : user.getOrganization().getId();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.addressMaxFailures())
                        .refillGreedy(properties.addressMaxFailures(), properties.addressWindow()).build())
                .build();
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}

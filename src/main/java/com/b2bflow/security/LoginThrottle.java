package com.b2bflow.security;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import java.time.Clock;
import java.time.Instant;
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
 * address: a token bucket of {@code address-max-failures} tokens refilled over {@code address-window}, kept in
 * {@link RateLimitBuckets} (shared by every node on PostgreSQL); every failed sign-in takes a token, and an empty
 * bucket refuses sign-ins from that address. Staff sign in through the same throttle: on the storefront as a provider
 * here, on the Camunda webapps and the engine REST API through {@link StaffSignInThrottle}. Staff accounts are never
 * locked (Camunda's own per-user login delay is off, see application.yaml): wrong passwords from one address must not
 * lock a staff member out everywhere.
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
public class LoginThrottle implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LockoutProperties properties;
    private final UserRepository users;
    private final AuditLog audit;
    private final RateLimitBuckets buckets;
    private final Clock clock;

    LoginThrottle(LockoutProperties properties, UserRepository users, AuditLog audit, RateLimitBuckets buckets) {
        this.properties = properties;
        this.users = users;
        this.audit = audit;
        this.buckets = buckets;
        this.clock = Clock.systemUTC();
    }

    /** First in the provider manager: refuses every sign-in from an address that failed too often. */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = address(authentication);
        if (address != null && isThrottled(address)) {
            throw new LoginThrottledException();
        }
        return null;
    }

    /** Whether sign-ins from this client address are refused now (too many failures). */
    boolean isThrottled(String address) {
        return buckets.isEmpty(key(address), addressLimit());
    }

    /** A failed sign-in from this client address, whichever way in (storefront, webapps, engine REST API). */
    void failedFrom(String address) {
        buckets.take(key(address), addressLimit());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return true;
    }

    /** Whether the storefront account is locked now. */
    @Transactional(readOnly = true)
    public boolean isLocked(long userId) {
        return lockedUntil(userId).isPresent();
    }

    /** When the lock of the storefront account ends, if it is locked now. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> lockedUntil(long userId) {
        Instant now = clock.instant();
        return users.findById(userId).filter(user -> user.isLocked(now)).map(User::getLockedUntil);
    }

    /** A failed sign-in with this name from the address in the authentication's details. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Authentication authentication) {
        String address = address(authentication);
        if (address != null) {
            failedFrom(address);
        }
        Instant now = clock.instant();
        users.findByLogonId(authentication.getName()).ifPresent(user -> {
            if (user.recordFailedLogin(properties.maxFailures(), properties.duration(), now)) {
                log.info(
                        "Storefront account {} locked until {} after {} failed sign-ins",
                        user.getId(),
                        user.getLockedUntil(),
                        properties.maxFailures());
                audit.recordInOrganization(
                        "system",
                        null,
                        null,
                        organizationId(user),
                        "ACCOUNT_LOCKED",
                        "User",
                        user.getId(),
                        "locked until " + user.getLockedUntil() + " after " + properties.maxFailures()
                                + " failed sign-ins");
            }
        });
    }

    /** Lifts the lock of a storefront account (staff); false when there is no such user. */
    @Transactional
    public boolean unlock(long userId, String staffId) {
        return users.findById(userId)
                .map(user -> {
                    boolean wasLocked = user.isLocked(clock.instant());
                    user.unlock();
                    audit.recordInOrganization(
                            staffId,
                            null,
                            null,
                            organizationId(user),
                            "ACCOUNT_UNLOCKED",
                            "User",
                            user.getId(),
                            wasLocked ? "lock lifted by staff" : "failed sign-ins reset by staff (was not locked)");
                    return true;
                })
                .orElse(false);
    }

    private static Long organizationId(User user) {
        return user.getOrganization() == null ? null : user.getOrganization().getId();
    }

    private RateLimitBuckets.Limit addressLimit() {
        return new RateLimitBuckets.Limit(properties.addressMaxFailures(), properties.addressWindow());
    }

    private static String key(String address) {
        return "sign-in:" + address;
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}

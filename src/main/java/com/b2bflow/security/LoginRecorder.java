package com.b2bflow.security;

import com.b2bflow.member.UserRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a storefront user's last sign-in and count of failed sign-ins. */
@Component
class LoginRecorder {

    private final UserRepository users;
    private final LoginThrottle throttle;

    LoginRecorder(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof BuyerPrincipal buyer) {
            users.recordSuccessfulLogin(buyer.userId(), java.time.Instant.now());
        }
    }

    /** Counts the failure for the account (lockout) and the client address (throttling): see LoginThrottle. */
    @EventListener
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(event.getAuthentication());
    }
}

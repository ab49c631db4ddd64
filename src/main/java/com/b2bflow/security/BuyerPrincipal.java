package com.b2bflow.security;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.User;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in storefront user. */
public record BuyerPrincipal(
        long userId,
        String logonId,
        String displayName,
        String passwordHash,
        ApprovalState registrationState,
        boolean enabled)
        implements UserDetails {

    public static final String BUYER = "BUYER";

    static BuyerPrincipal of(User user) {
        return new BuyerPrincipal(
                user.getId(),
                user.getLogonId(),
                user.getDisplayName(),
                user.getPasswordHash(),
                user.getRegistrationState(),
                user.isEnabled());
    }

    /** The principal kept in the session after sign-in: everything but the password hash. */
    BuyerPrincipal withoutPasswordHash() {
        return new BuyerPrincipal(userId, logonId, displayName, null, registrationState, enabled);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(BUYER));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return logonId;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never expose the hash through toString (records print every component). */
    @Override
    public String toString() {
        return "BuyerPrincipal[" + logonId + "]";
    }
}

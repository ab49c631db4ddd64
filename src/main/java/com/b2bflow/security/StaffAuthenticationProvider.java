package com.b2bflow.security;

import com.b2bflow.staff.StaffDirectory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Authenticates staff against Camunda identity; authorities are STAFF plus GROUP_&lt;group id&gt;. */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffDirectory staff;

    public StaffAuthenticationProvider(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null || !staff.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<String> groups = staff.groupsOf(userId);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(StaffPrincipal.STAFF));
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(StaffPrincipal.group(group))));
        String name = staff.find(userId).map(StaffDirectory.StaffMember::name).orElse(userId);
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(userId, name, groups), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

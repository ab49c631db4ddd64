package com.b2bflow.security;

import com.b2bflow.member.UserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BuyerUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    public BuyerUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String logonId) {
        return users.findByLogonIdOrReleased(logonId)
                .filter(user -> user.getPasswordHash() != null)
                .map(BuyerPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("No storefront user with that logon id"));
    }
}

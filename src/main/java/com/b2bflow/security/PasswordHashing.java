package com.b2bflow.security;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed, with or without the web layer: bcrypt at {@code app.security.password-hash-strength}
 * (log2 rounds; 10 by default, about 70 ms a hash on one core here), stored with the algorithm's name
 * ({@code {bcrypt}...}) so that a later strength or algorithm still checks the hashes stored before it. Every stored
 * hash carries its own strength: raising the setting slows only new hashes, and sign-ins keep checking old ones.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String BCRYPT = "bcrypt";

    @Bean
    PasswordEncoder passwordEncoder(@Value("${app.security.password-hash-strength:10}") int strength) {
        DelegatingPasswordEncoder encoder =
                new DelegatingPasswordEncoder(BCRYPT, Map.of(BCRYPT, new BCryptPasswordEncoder(strength)));
        // hashes of another algorithm Spring Security knows (none are stored today) are still checked
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }
}

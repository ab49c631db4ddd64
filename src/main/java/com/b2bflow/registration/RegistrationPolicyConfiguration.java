package com.b2bflow.registration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
@EnableConfigurationProperties(RegistrationProperties.class)
class RegistrationPolicyConfiguration {

    @Bean
    RegistrationPolicies registrationPolicies(RegistrationProperties properties) {
        return new RegistrationPolicies(properties);
    }

    /** Named so that BPMN timers can read {@code ${slaProperties.reminder}}. */
    @Bean
    SlaProperties slaProperties(Environment environment) {
        return Binder.get(environment)
                .bind("app.sla", SlaProperties.class)
                .orElseGet(() -> new SlaProperties(null, null));
    }
}

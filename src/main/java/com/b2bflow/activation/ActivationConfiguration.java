package com.b2bflow.activation;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class ActivationConfiguration {

    /** Named so that BPMN timers can read {@code ${activationProperties.reminderDelay}}. */
    @Bean
    ActivationProperties activationProperties(Environment environment) {
        return Binder.get(environment)
                .bind("app.activation", ActivationProperties.class)
                .orElseGet(() -> new ActivationProperties(null, null, null, null));
    }
}

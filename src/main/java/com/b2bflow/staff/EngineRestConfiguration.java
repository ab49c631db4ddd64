package com.b2bflow.staff;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer engineRestErrors() {
        return config -> config.register(EngineRestErrors.ForThrowable.class)
                .register(EngineRestErrors.ForEngine.class).register(EngineRestErrors.ForRest.class);
    }
}

package com.b2bflow.staff;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer taskValidationErrors() {
        return config -> config.register(TaskValidationRestExceptionHandler.class)
                .register(TaskConflictExceptionHandler.class).register(TaskConflictThrowableHandler.class);
    }

    @Bean
    ResourceConfigCustomizer concurrentChangeConflicts() {
        return config -> config.register(ConflictRestExceptionHandlers.EngineOptimisticLocking.class)
                .register(ConflictRestExceptionHandlers.ConcurrencyFailure.class)
                .register(ConflictRestExceptionHandlers.DataIntegrityViolation.class);
    }
}

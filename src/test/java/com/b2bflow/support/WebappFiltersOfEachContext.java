package com.b2bflow.support;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test contexts only (registered in {@code META-INF/spring.factories} of the test resources): Camunda's webapp filters
 * initialise with the application context held in a static field of {@link LazyInitRegistration}, and Tomcat
 * initialises them before the new context has set that field, so a test context started while another one lived took
 * the other's resources and engine for Tasklist and Cockpit (found 2026-12-07: every {@code /camunda/app/} page of the
 * shared context answered 500 in one random order of the suite). Clearing the field before each refresh lets a
 * context's filters wait for their own context. Production has one context and never needs this.
 */
public class WebappFiltersOfEachContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Registration.forget();
    }

    private static final class Registration extends LazyInitRegistration {
        static void forget() {
            APPLICATION_CONTEXT = null;
        }
    }
}

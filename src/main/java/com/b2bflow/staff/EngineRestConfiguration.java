package com.b2bflow.staff;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EngineRestErrors} answers the errors of both engine REST APIs: {@code /engine-rest} (Spring Boot's Jersey
 * application) and the webapps' own {@code /camunda/api/engine}, which Tasklist calls. The webapps' Jersey servlets
 * are registered by Camunda's initializer from an application class, so they take the mappers from Jersey's
 * provider-class-names context parameter rather than from a customizer.
 */
@Configuration
class EngineRestConfiguration {

    static final String JERSEY_PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

    @Bean
    ResourceConfigCustomizer engineRestErrors() {
        return config -> mappers().forEach(config::register);
    }

    @Bean
    ServletContextInitializer webappEngineRestErrors() {
        return servletContext -> servletContext.setInitParameter(JERSEY_PROVIDER_CLASSNAMES,
                mappers().map(Class::getName).collect(Collectors.joining(",")));
    }

    private static Stream<Class<?>> mappers() {
        return Stream.of(EngineRestErrors.ForThrowable.class, EngineRestErrors.ForEngine.class,
                EngineRestErrors.ForRest.class);
    }
}

package com.b2bflow.staff;

import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@link EngineRestErrors} answers the errors of both engine REST APIs: {@code /engine-rest} (Spring Boot's Jersey
 * application) and the webapps' own {@code /camunda/api/engine}, which Tasklist calls. Camunda's initializer
 * registers the webapps' servlet from an application class that lists its classes itself (Jersey then ignores
 * provider properties), and skips a servlet of that name that exists already: this initializer, ordered first,
 * registers it with {@link WebappEngineApi}, Camunda's application plus the mappers.
 */
@Configuration
class EngineRestConfiguration {

    /** The servlet name Camunda's webapp initializer gives the webapps' engine API. */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    ResourceConfigCustomizer engineRestErrors() {
        return config -> mappers().forEach(config::register);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ServletContextInitializer webappEngineRestErrors(CamundaBpmProperties camunda) {
        return servletContext -> {
            if (servletContext.getServletRegistration(WEBAPP_ENGINE_API) != null) {
                return;
            }
            ServletRegistration.Dynamic api = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
            api.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
            api.setInitParameter("jakarta.ws.rs.Application", WebappEngineApi.class.getName());
        };
    }

    /** Camunda's webapp engine API with the answer chain of {@link EngineRestErrors}. */
    public static class WebappEngineApi extends EngineRestApplication {

        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = new HashSet<>(super.getClasses());
            mappers().forEach(classes::add);
            return classes;
        }
    }

    private static Stream<Class<?>> mappers() {
        return Stream.of(
                EngineRestErrors.ForThrowable.class, EngineRestErrors.ForEngine.class, EngineRestErrors.ForRest.class);
    }
}

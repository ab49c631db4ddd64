package com.b2bflow.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * One sign-in for staff (docs/adr/0029): the Camunda webapps authenticate the request with the Spring Security
 * sign-in of the session instead of their own login, and their sign-out ends that sign-in. Both filters run after
 * Spring Security's chain, which has restored the session's sign-in by then.
 */
@Configuration
@ConditionalOnWebApplication
class WebappSignIn {

    static final String WEBAPPS = "/camunda";

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFromSpringSecurity() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapps-spring-security-auth");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                WebappAuthenticationFromSpringSecurity.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns(WEBAPPS + "/app/*", WEBAPPS + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappSignOut> webappSignOut(List<LogoutHandler> logoutHandlers) {
        FilterRegistrationBean<WebappSignOut> registration =
                new FilterRegistrationBean<>(new WebappSignOut(logoutHandlers));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.addUrlPatterns(WEBAPPS + "/api/admin/auth/user/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}

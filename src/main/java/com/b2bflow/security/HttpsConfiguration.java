package com.b2bflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

/**
 * Registers {@link HttpsRequirement} when {@code app.security.require-https} is true (the postgres profile, the
 * container image), ahead of every other filter of the application, Spring Security's and Camunda's included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.security.require-https", havingValue = "true")
class HttpsConfiguration {

    @Bean
    FilterRegistrationBean<HttpsRequirement> httpsRequirement(
            @Value("${app.security.plain-http-paths:/actuator/health,/actuator/health/**}") String plainHttpPaths,
            ObjectMapper json) {
        FilterRegistrationBean<HttpsRequirement> registration = new FilterRegistrationBean<>(new HttpsRequirement(
                SecurityConfiguration.paths(
                        StringUtils.trimArrayElements(StringUtils.commaDelimitedListToStringArray(plainHttpPaths))),
                json));
        // after the character encoding and forwarded-header filters (HIGHEST_PRECEDENCE), before everything else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}

package com.b2bflow.security;

import com.b2bflow.shared.ErrorResponses;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the rate limit of the public endpoints ahead of Spring Security's filters. */
@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<PublicEndpointRateLimit> publicEndpointRateLimit(RateLimitProperties properties,
                                                                            ErrorResponses errors) {
        FilterRegistrationBean<PublicEndpointRateLimit> registration =
                new FilterRegistrationBean<>(new PublicEndpointRateLimit(properties, errors));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}

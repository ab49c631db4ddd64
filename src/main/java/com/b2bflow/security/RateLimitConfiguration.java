package com.b2bflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the rate limit of the public endpoints and the staff sign-in throttle of the Camunda webapps and the
 * engine REST API ahead of Spring Security's and Camunda's filters.
 */
@Configuration
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<PublicEndpointRateLimit> publicEndpointRateLimit(
            RateLimitProperties properties, RateLimitBuckets buckets, ObjectMapper json) {
        FilterRegistrationBean<PublicEndpointRateLimit> registration =
                new FilterRegistrationBean<>(new PublicEndpointRateLimit(properties, buckets, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<StaffSignInThrottle> staffSignInThrottle(LoginThrottle throttle, ObjectMapper json) {
        FilterRegistrationBean<StaffSignInThrottle> registration =
                new FilterRegistrationBean<>(new StaffSignInThrottle(throttle, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}

package com.b2bflow.web;

import com.b2bflow.registration.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query or form parameter given twice is a 400 problem naming it, on the application's own URLs (storefront, API,
 * HCL-compatible): Spring would join {@code name=a&name=b} into "a,b" and the application would store a value
 * nobody typed. Only the parameters that are lists by design (the roles of a new buyer) may repeat.
 */
@Configuration(proxyBeanMethods = false)
public class RepeatedParameters {

    static final String MESSAGE = "Given more than once";
    static final Set<String> LISTS = Set.of("roles");

    @Bean
    FilterRegistrationBean<RepeatedParameterFilter> refuseRepeatedParameters(ObjectMapper json) {
        FilterRegistrationBean<RepeatedParameterFilter> registration =
                new FilterRegistrationBean<>(new RepeatedParameterFilter(json));
        registration.addUrlPatterns("/api/*", "/store/*", "/webapp/*");
        // with the NUL check: after the character encoding filter, before security and everything reading parameters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    static final class RepeatedParameterFilter extends OncePerRequestFilter {

        private final ObjectMapper json;

        RepeatedParameterFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (parameter.getValue().length > 1 && !LISTS.contains(parameter.getKey())) {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "The parameter '" + parameter.getKey() + "' was given more than once");
                    problem.setProperty("errors", List.of(new FieldProblem(parameter.getKey(), MESSAGE)));
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    json.writeValue(response.getOutputStream(), problem);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}

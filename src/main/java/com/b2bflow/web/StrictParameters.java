package com.b2bflow.web;

import com.b2bflow.shared.FieldProblem;
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
 * Query and form parameters of the application's own URLs (storefront, API, HCL-compatible) that are refused before
 * anything reads them, each as a 400 problem naming the parameter:
 * <ul>
 *   <li>a NUL character in a name or value (see {@link NulCharacters}: PostgreSQL cannot store or compare it);</li>
 *   <li>a parameter given more than once: Spring would join {@code name=a&name=b} into "a,b", a value nobody typed.
 *       Only the parameters that are lists by design (the roles of a new buyer) may repeat.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictParameters {

    static final String REPEATED = "Given more than once";
    static final Set<String> LISTS = Set.of("roles");

    @Bean
    FilterRegistrationBean<StrictParameterFilter> refuseBadParameters(ObjectMapper json) {
        FilterRegistrationBean<StrictParameterFilter> registration =
                new FilterRegistrationBean<>(new StrictParameterFilter(json));
        registration.addUrlPatterns("/api/*", "/store/*", "/webapp/*");
        // after the character encoding filter (highest precedence), before security and everything reading parameters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class StrictParameterFilter extends OncePerRequestFilter {

        private final ObjectMapper json;

        StrictParameterFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                String name = parameter.getKey();
                boolean nul = name.indexOf('\u0000') >= 0;
                for (String value : parameter.getValue()) {
                    nul |= value != null && value.indexOf('\u0000') >= 0;
                }
                if (nul) {
                    refuse(response, "A parameter contains a NUL character", name, NulCharacters.MESSAGE);
                    return;
                }
                if (parameter.getValue().length > 1 && !LISTS.contains(name)) {
                    refuse(response, "The parameter '" + name + "' was given more than once", name, REPEATED);
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletResponse response, String detail, String parameter, String message)
                throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setProperty("errors", List.of(new FieldProblem(parameter, message)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}

package com.b2bflow.web;

import com.b2bflow.shared.ErrorResponses;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.ProblemException;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters of the application's own URLs (storefront, API, HCL-compatible) that are refused before
 * anything reads them, each as a 400 problem naming the parameter (a NUL is refused before, by the firewall):
 * <ul>
 *   <li>a parameter given more than once: Spring would join {@code name=a&name=b} into "a,b", a value nobody typed.
 *       Only the parameters that are lists by design (the roles of a new buyer, an organization's approval group
 *       types in the staff console) may repeat.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictParameters {

    static final String REPEATED = "Given more than once";
    static final Set<String> LISTS = Set.of("roles", "types");

    @Bean
    FilterRegistrationBean<StrictParameterFilter> refuseBadParameters(ErrorResponses errors) {
        FilterRegistrationBean<StrictParameterFilter> registration =
                new FilterRegistrationBean<>(new StrictParameterFilter(errors));
        registration.addUrlPatterns("/api/*", "/store/*", "/webapp/*");
        // after the character encoding filter (highest precedence), before security and everything reading parameters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class StrictParameterFilter extends OncePerRequestFilter {

        private final ErrorResponses errors;

        StrictParameterFilter(ErrorResponses errors) {
            this.errors = errors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                String name = parameter.getKey();
                if (parameter.getValue().length > 1 && !LISTS.contains(name)) {
                    refuse(request, response, "The parameter '" + name + "' was given more than once", name, REPEATED);
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private void refuse(
                HttpServletRequest request,
                HttpServletResponse response,
                String detail,
                String parameter,
                String message)
                throws IOException {
            errors.write(
                    request,
                    response,
                    new ProblemException(
                            HttpStatus.BAD_REQUEST, detail, List.of(new FieldProblem(parameter, message))));
        }
    }
}

package com.b2bflow.web;

import com.b2bflow.shared.FieldProblem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No text with a NUL character gets in: PostgreSQL cannot store or even compare it ("invalid byte sequence for
 * encoding UTF8: 0x00", a 500 on every look-up by logon id, search or renewal). JSON strings with a NUL fail to
 * deserialize (a 400 naming the field, see {@link UnreadableBodies}); query and form parameters of the application's
 * own URLs (storefront, API, HCL-compatible) are a 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
public class NulCharacters {

    static final String MESSAGE = "Remove the NUL character";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseNulInJsonStrings() {
        SimpleModule module = new SimpleModule("refuse-nul");
        module.addDeserializer(String.class, new NulRefusingStringDeserializer());
        return builder -> builder.modulesToInstall(module);
    }

    @Bean
    FilterRegistrationBean<NulParameterFilter> refuseNulInParameters(ObjectMapper json) {
        FilterRegistrationBean<NulParameterFilter> registration =
                new FilterRegistrationBean<>(new NulParameterFilter(json));
        registration.addUrlPatterns("/api/*", "/store/*", "/webapp/*");
        // after the character encoding filter (highest precedence), before security and everything reading parameters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class NulRefusingStringDeserializer extends StdScalarDeserializer<String> {

        NulRefusingStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, MESSAGE);
            }
            return value;
        }
    }

    static final class NulParameterFilter extends OncePerRequestFilter {

        private final ObjectMapper json;

        NulParameterFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                boolean nul = parameter.getKey().indexOf('\u0000') >= 0;
                for (String value : parameter.getValue()) {
                    nul |= value != null && value.indexOf('\u0000') >= 0;
                }
                if (nul) {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "A parameter contains a NUL character");
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

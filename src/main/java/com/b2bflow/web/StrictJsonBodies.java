package com.b2bflow.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON request body with a field the endpoint does not know is a 400 naming the field (see
 * {@link UnreadableBodies}), not silently ignored: a misspelt optional field would otherwise be lost without a word,
 * and a mass-assignment attempt ({@code "isAdmin": true}) would look accepted. Only Spring MVC's request bodies
 * (the application's own /api) are strict: the shared ObjectMapper, which also reads the application's stored JSON
 * and which Jersey may use for Camunda's /engine-rest (Camunda Forms, Tasklist), stays lenient.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                ObjectMapper strict =
                        jackson.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
                jackson.setObjectMapper(strict);
            }
        }
    }
}

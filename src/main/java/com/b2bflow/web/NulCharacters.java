package com.b2bflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No text with a NUL character gets in: PostgreSQL cannot store or even compare it ("invalid byte sequence for
 * encoding UTF8: 0x00", a 500 on every look-up by logon id, search or renewal). JSON strings with a NUL fail to
 * deserialize (a 400 naming the field, see {@link UnreadableBodies}); query and form parameters of the application's
 * own URLs (storefront, API, HCL-compatible) are a 400 naming the parameter (see {@link StrictParameters}).
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
}

package com.b2bflow.notification;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class NotificationConfiguration {

    /** Named so that BPMN models can read {@code ${notificationProperties.retryCycle}}. */
    @Bean
    NotificationProperties notificationProperties(Environment environment) {
        return Binder.get(environment).bind("app.notifications", NotificationProperties.class)
                .orElseGet(() -> new NotificationProperties(null, null, null));
    }
}

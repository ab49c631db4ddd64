package com.b2bflow.notification;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class NotificationConfiguration {

    /**
     * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@link java.util.ServiceLoader} scan of the whole
     * classpath for every MIME part, multipart and encoder it creates (jakartaee/mail-api#699, #861); inside the
     * packaged jar that scan was most of the cost of sending a mail (benchmark: as much CPU as the bcrypt hash of a
     * registration). Naming the provider in its system property makes the lookup a plain class-name lookup.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** Named so that BPMN models can read {@code ${notificationProperties.retryCycle}}. */
    @Bean
    NotificationProperties notificationProperties(Environment environment) {
        return Binder.get(environment)
                .bind("app.notifications", NotificationProperties.class)
                .orElseGet(() -> new NotificationProperties(null, null, null));
    }
}

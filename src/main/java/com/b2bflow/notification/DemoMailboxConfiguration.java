package com.b2bflow.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code app.demo-mailbox.enabled} and no {@code spring.mail.host}, mail goes to the built-in demo mailbox
 * (readable at {@code /staff/mailbox}); as soon as a mail host is set, mail goes there instead.
 */
@Configuration
@ConditionalOnExpression("${app.demo-mailbox.enabled:false} and '${spring.mail.host:}'.isEmpty()")
class DemoMailboxConfiguration {

    @Bean
    DemoMailbox demoMailbox(org.springframework.core.env.Environment environment) {
        return new DemoMailbox(environment.getProperty("app.demo-mailbox.port", Integer.class, 3025));
    }

    @Bean
    JavaMailSenderImpl mailSender(DemoMailbox mailbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailbox.port());
        return sender;
    }
}

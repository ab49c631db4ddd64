package com.b2bflow.storefront;

import com.b2bflow.notification.DemoMailbox;
import com.b2bflow.staff.DemoStaff;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** First run: once ready, the log says which addresses to open and, in the demo set-up, who the demo users are. */
@Component
@ConditionalOnWebApplication
class StartupAddresses {

    private static final Logger log = LoggerFactory.getLogger(StartupAddresses.class);

    private final Environment environment;
    private final ObjectProvider<DemoStaff> demoStaff;
    private final ObjectProvider<DemoMailbox> mailbox;

    StartupAddresses(
            Environment environment, ObjectProvider<DemoStaff> demoStaff, ObjectProvider<DemoMailbox> mailbox) {
        this.environment = environment;
        this.demoStaff = demoStaff;
        this.mailbox = mailbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellWhereToGo() {
        log.info(message().render());
    }

    StartupMessage message() {
        DemoStaff demo = demoStaff.getIfAvailable();
        List<DemoStaff.DemoUser> users = demo == null ? List.of() : demo.users();
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        boolean adminHasDemoPassword =
                DemoStaff.PASSWORD.equals(environment.getProperty("camunda.bpm.admin-user.password"));
        return new StartupMessage(
                baseUrl(),
                mailbox.getIfAvailable() != null,
                environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html"),
                users,
                demo != null && adminId != null && adminHasDemoPassword ? adminId : null,
                DemoStaff.PASSWORD);
    }

    private String baseUrl() {
        boolean https = environment.getProperty("server.ssl.enabled", Boolean.class, false);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return (https ? "https" : "http") + "://localhost:" + port + contextPath;
    }
}

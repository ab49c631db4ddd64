package com.b2bflow.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.notification.DemoMailbox;
import com.b2bflow.staff.DemoStaff;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The first-run lines of the log: the addresses with the real port, and the demo users only in the demo set-up. */
class StartupMessageTest {

    @Test
    void namesEveryAddressWithThePortTheApplicationListensOnAndTheDemoUsers() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("local.server.port", "18443")
                .withProperty("server.port", "0")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "demo");

        String text = addresses(environment, new DemoStaff(null)).message().render();

        assertThat(text)
                .contains(
                        "http://localhost:18443/store/login",
                        "http://localhost:18443/store/staff",
                        "http://localhost:18443/camunda/app/tasklist/",
                        "http://localhost:18443/camunda/app/cockpit/",
                        "http://localhost:18443/swagger-ui.html")
                .doesNotContain(":0/", ":8080");
        assertThat(text)
                .contains("password \"demo\"", "seller-admin", "account-rep", "csr", "designer", "docs/try-it.md")
                .containsPattern("admin +camunda-admin");
    }

    @Test
    void withoutTheDemoUsersNamesNoUserAndNoPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("local.server.port", "8081")
                .withProperty("server.servlet.context-path", "/shop")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "S3cret-admin-pass");

        String text = addresses(environment, null).message().render();

        assertThat(text).contains("http://localhost:8081/shop/store/staff", "http://localhost:8081/shop/camunda/");
        assertThat(text).doesNotContain("password", "demo", "admin", "S3cret", "Demo mailbox");
    }

    @Test
    void theDemoMailboxIsNamedOnlyWhileItIsOn() {
        StartupMessage on = new StartupMessage("http://localhost:8080", true, "/swagger-ui.html", List.of(), null, "x");
        StartupMessage off =
                new StartupMessage("http://localhost:8080", false, "/swagger-ui.html", List.of(), null, "x");

        assertThat(on.render()).contains("Demo mailbox", "http://localhost:8080/staff/mailbox");
        assertThat(off.render()).doesNotContain("mailbox");
    }

    private static StartupAddresses addresses(MockEnvironment environment, DemoStaff demo) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (demo != null) {
            beans.registerSingleton("demoStaff", demo);
        }
        return new StartupAddresses(
                environment, beans.getBeanProvider(DemoStaff.class), beans.getBeanProvider(DemoMailbox.class));
    }
}

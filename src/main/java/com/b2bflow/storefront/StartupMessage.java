package com.b2bflow.storefront;

import com.b2bflow.staff.DemoStaff.DemoUser;
import java.util.List;

/**
 * The lines the log shows once the application is ready: the addresses to open, with the port it really listens on,
 * and, only where the demo users exist, who they are and their documented password. No other password is ever named.
 *
 * @param baseUrl     scheme, host, port and context path, e.g. {@code http://localhost:8080}
 * @param mailbox     whether the demo mailbox is on
 * @param apiDocs     path of the API documentation (Swagger UI)
 * @param demoUsers   the demo staff users; empty outside the demo set-up
 * @param demoAdmin   the Camunda administrator created with the demo password, or null
 * @param demoPassword the documented demo password
 */
record StartupMessage(
        String baseUrl,
        boolean mailbox,
        String apiDocs,
        List<DemoUser> demoUsers,
        String demoAdmin,
        String demoPassword) {

    String render() {
        StringBuilder text = new StringBuilder("\n\nB2B registration is ready. Open:\n");
        address(text, "Storefront", "/store");
        address(text, "Sign-in (buyers and staff)", "/store/login");
        address(text, "Staff console", "/store/staff");
        address(text, "Tasklist", "/camunda/app/tasklist/");
        address(text, "Cockpit", "/camunda/app/cockpit/");
        if (mailbox) {
            address(text, "Demo mailbox", "/staff/mailbox");
        }
        address(text, "API documentation", apiDocs);
        if (!demoUsers.isEmpty()) {
            text.append("\nDemo users, password \"")
                    .append(demoPassword)
                    .append("\" (sign in once at ")
                    .append(baseUrl)
                    .append("/store/login for the staff console, Tasklist and Cockpit):\n");
            if (demoAdmin != null) {
                line(text, demoAdmin, "camunda-admin", "Camunda administrator (all webapps)");
            }
            demoUsers.forEach(user -> line(text, user.id(), user.group(), user.does()));
            text.append("Try it in five minutes: docs/try-it.md\n");
        }
        return text.toString();
    }

    private void address(StringBuilder text, String what, String path) {
        text.append(String.format("  %-28s %s%s%n", what, baseUrl, path));
    }

    private static void line(StringBuilder text, String user, String group, String does) {
        text.append(String.format("  %-16s %-18s %s%n", user, group, does));
    }
}

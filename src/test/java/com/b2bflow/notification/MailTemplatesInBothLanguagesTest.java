package com.b2bflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.BothLanguages;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every mail template rendered in English and German (subject, text and HTML part) with a model that has every
 * variable the templates read: no missing message, no English text in the German mail, dates in the recipient's
 * language. Unit level: {@link MailTemplates} on the application's message files.
 */
class MailTemplatesInBothLanguagesTest {

    /** A contract as the approval and expiry mails read it. */
    record Contract(String name, String organizationName, String accountName, LocalDate validFrom, LocalDate validTo) {}

    private static final List<String> DATA = List.of(
            "Jane Doe",
            "jdoe",
            "jane@example.com",
            "ACME",
            "reg-42",
            "ticket 42",
            "Casey",
            "Frame contract",
            "ACME account",
            "Review the registration",
            "seller-admins",
            "CODE_X",
            "boom",
            "https://shop.example.com/link",
            "/api/staff/organizations/1/contracts");

    private final MailTemplates templates = new MailTemplates(BothLanguages.messages());

    static Stream<String> templates() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:/templates/mail/*.txt"))
                .map(resource -> resource.getFilename().replace(".txt", ""))
                .filter(name -> !name.equals("test-notice")); // a test's own template (src/test/resources)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void speaksGermanWhereItSpeaksEnglish(String template) {
        for (boolean flag : List.of(true, false)) {
            MailTemplates.RenderedMail english = templates.render(template, model(flag), Locale.ENGLISH);
            MailTemplates.RenderedMail german = templates.render(template, model(flag), Locale.GERMAN);
            assertThat(german.subject()).as(template + " subject").isNotEqualTo(english.subject());
            BothLanguages.assertGerman(template + " (text)", english.text(), german.text(), DATA);
            BothLanguages.assertGerman(template + " (HTML)", english.html(), german.html(), DATA);
            assertThat(german.text()).as("no ISO timestamp").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        }
    }

    private static Map<String, Object> model(boolean flag) {
        Map<String, Object> model = new HashMap<>();
        for (String name : List.of(
                "accountUrl",
                "activationUrl",
                "approvalsUrl",
                "historyUrl",
                "invitationUrl",
                "registerUrl",
                "renewalUrl",
                "resetUrl",
                "resubmitUrl",
                "signInUrl",
                "statusUrl",
                "tasklistUrl")) {
            model.put(name, "https://shop.example.com/link");
        }
        model.put("subjectArgument", "ACME");
        model.put("accountName", "ACME account");
        model.put("applicantEmail", "jane@example.com");
        model.put("applicantLogonId", "jdoe");
        model.put("logonId", "jdoe");
        model.put("applicantName", "Jane Doe");
        model.put("displayName", "Jane Doe");
        model.put("customerName", "Jane Doe");
        model.put("inviterName", "Jane Doe");
        model.put("companyName", "ACME");
        model.put("organizationName", "ACME");
        model.put("registrationId", "reg-42");
        model.put("reason", "ticket 42");
        model.put("csrName", "Casey");
        model.put("taskName", "Review the registration");
        model.put("groupName", "seller-admins");
        model.put("errorCode", "CODE_X");
        model.put("errorMessage", "boom");
        model.put("erasureDays", 30);
        model.put("contractsPath", "/api/staff/organizations/1/contracts");
        model.put("approver", flag ? "mail.approver.erp" : "mail.approver.backoffice");
        model.put("waitsForBackoffice", flag);
        model.put("onMyAccount", flag);
        Instant at = Instant.parse("2026-12-07T09:30:00Z");
        model.put("expiresAt", at);
        model.put("changedAt", at);
        model.put("withdrawnAt", at);
        model.put("occurredAt", at);
        Contract contract = new Contract(
                "Frame contract",
                "ACME",
                "ACME account",
                LocalDate.of(2027, 1, 1),
                flag ? null : LocalDate.of(2027, 12, 31));
        model.put("contract", contract);
        model.put("contracts", List.of(contract));
        return model;
    }
}

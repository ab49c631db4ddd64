package com.b2bflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;

/** Templated mail over real SMTP (GreenMail): recipients from staff groups, both parts, idempotent sends. */
@IntegrationTest
class NotificationServiceTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    NotificationService notifications;

    @Autowired
    IdentityService identity;

    @Test
    void sendsOneMessageToEachMemberOfAStaffGroup() throws Exception {
        String organization = "Org " + suffix();
        List<Recipient> sellerAdmins = notifications.staffGroup("seller-admins");
        assertThat(sellerAdmins).extracting(Recipient::email).contains("seller-admin@staff.example.com");

        notifications.send(new Notification("test:" + organization, "test-notice", sellerAdmins, model(organization)));

        List<MimeMessage> received = about(organization);
        assertThat(received).hasSameSizeAs(sellerAdmins);
        for (Recipient recipient : sellerAdmins) {
            assertThat(received.stream().filter(m -> TestSmtp.recipients(m).equals(List.of(recipient.email()))))
                    .as("one message to " + recipient.email())
                    .hasSize(1);
        }
        assertThat(received)
                .as("Message-IDs derived from notification and recipient, one per message")
                .extracting(MimeMessage::getMessageID)
                .allMatch(id -> id.matches("<[0-9a-f]{32}@b2b\\.example\\.com>"))
                .doesNotHaveDuplicates();
        MimeMessage message = received.stream()
                .filter(m -> TestSmtp.recipients(m).contains("seller-admin@staff.example.com"))
                .findFirst()
                .orElseThrow();
        assertThat(TestSmtp.subject(message)).isEqualTo("Test notice about " + organization);
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@b2b.example.com");
        assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Sam Seller");

        String text = TestSmtp.text(message);
        assertThat(text)
                .contains("Hello Reviewer,")
                .contains("The organization " + organization + " needs your attention.")
                .contains("http://shop.test/review/" + organization.replace(' ', '-'));
        String html = part(message, "text/html");
        assertThat(html)
                .contains("<p>Hello Reviewer,</p>")
                .contains("<strong>" + organization + "</strong>")
                .contains("href=\"http://shop.test/review/" + organization.replace(' ', '-') + "\"");
    }

    @Test
    void sendingTheSameNotificationTwiceDeliversOnce() {
        String organization = "Org " + suffix();
        Notification notification = new Notification(
                "test:" + organization, "test-notice", notifications.staffGroup("account-reps"), model(organization));

        notifications.send(notification);
        notifications.send(notification);

        assertThat(about(organization))
                .hasSize(notification.recipients().size())
                .extracting(TestSmtp::recipients)
                .contains(List.of("account-rep@staff.example.com"));
    }

    @Test
    void aRepeatedKeyStillReachesANewRecipient() {
        String organization = "Org " + suffix();
        String key = "test:" + organization;
        notifications.send(
                new Notification(key, "test-notice", notifications.staffGroup("backoffice"), model(organization)));
        notifications.send(new Notification(
                key, "test-notice", notifications.staffGroups("backoffice", "site-admins"), model(organization)));

        List<MimeMessage> received = about(organization);
        assertThat(received)
                .extracting(TestSmtp::recipients)
                .containsOnlyOnce(List.of("backoffice@staff.example.com"), List.of("site-admin@staff.example.com"));
    }

    @Test
    void aRetryAfterAFailedRecipientDoesNotMailTheEarlierOnesAgain() {
        String organization = "Org " + suffix();
        Notification notification = new Notification(
                "test:" + organization,
                "test-notice",
                List.of(Recipient.of("first@example.com", null, null), Recipient.of("not an address", null, null)),
                model(organization));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> notifications.send(notification)).isInstanceOf(MailException.class);
        }

        assertThat(about(organization)).extracting(TestSmtp::recipients).containsExactly(List.of("first@example.com"));
    }

    @Test
    void aStaffGroupWithoutMembersSendsNothing() {
        String organization = "Org " + suffix();
        String groupId = "empty-" + suffix();
        Group group = identity.newGroup(groupId);
        group.setName("Nobody");
        identity.saveGroup(group);
        try {
            List<Recipient> nobody = notifications.staffGroup(groupId);
            assertThat(nobody).isEmpty();
            assertThatCode(() -> notifications.send(
                            new Notification("test:" + organization, "test-notice", nobody, model(organization))))
                    .doesNotThrowAnyException();
            assertThat(notifications.staffGroup("no-such-group-" + suffix())).isEmpty();
        } finally {
            identity.deleteGroup(groupId);
        }
        assertThat(about(organization)).isEmpty();
    }

    private static Map<String, Object> model(String organization) {
        return Map.of(
                "subjectArgument",
                organization,
                "organizationName",
                organization,
                "recipientName",
                "Reviewer",
                "link",
                "http://shop.test/review/" + organization.replace(' ', '-'));
    }

    /** Messages received about one test's organization (the SMTP server lives as long as this class). */
    private static List<MimeMessage> about(String organization) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> TestSmtp.subject(m).endsWith(organization))
                .toList();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String part(Part part, String mimeType) throws Exception {
        List<String> found = new ArrayList<>();
        collect(part, mimeType, found);
        assertThat(found).as(mimeType + " parts").hasSize(1);
        return found.get(0);
    }

    private static void collect(Part part, String mimeType, List<String> found) throws Exception {
        if (part.isMimeType(mimeType)) {
            found.add(String.valueOf(part.getContent()));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, mimeType, found);
            }
        }
    }
}

package com.b2bflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMessageHelper;

/** What the demo mailbox page shows of a mail: decoded headers and the HTML part with its links, cleaned. */
class DemoMailboxTest {

    @Test
    void showsDecodedAddressesAndTheHtmlPartWithItsLinksButNoScript() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress("shop@example.com", "Große Läden GmbH", "UTF-8"));
        helper.setTo(new InternetAddress("joerg@example.com", "Jörg Müller", "UTF-8"));
        helper.setSubject("Ihre Registrierung ist eingegangen");
        helper.setText(
                "Open https://shop.example.com/store/activate?token=abc",
                "<p style=\"color:red\">Hello <strong>Jörg</strong>,</p>"
                        + "<p><a href=\"https://shop.example.com/store/activate?token=abc\">Activate</a></p>"
                        + "<script>alert(1)</script><a href=\"javascript:alert(2)\">bad</a>");
        message.saveChanges();
        // as the SMTP server hands it over: headers encoded (=?UTF-8?Q?...?=) on the wire
        MimeMessage received = new MimeMessage(
                Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(toBytes(message)));
        assertThat(received.getHeader("To")[0]).contains("=?UTF-8?");

        DemoMailbox.ReceivedMail shown = DemoMailbox.toReceived(received);

        assertThat(shown.to()).isEqualTo("Jörg Müller <joerg@example.com>");
        assertThat(shown.from()).isEqualTo("Große Läden GmbH <shop@example.com>");
        assertThat(shown.subject()).isEqualTo("Ihre Registrierung ist eingegangen");
        assertThat(shown.text()).contains("https://shop.example.com/store/activate?token=abc");
        assertThat(shown.html())
                .contains("<a href=\"https://shop.example.com/store/activate?token=abc\"")
                .contains("<strong>Jörg</strong>")
                .doesNotContain("<script", "javascript:", "style=");
    }

    @Test
    void aPlainTextMailHasNoHtmlPart() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("shop@example.com");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "buyer@example.com");
        message.setSubject("Plain");
        message.setText("Just text", StandardCharsets.UTF_8.name());
        message.saveChanges();

        DemoMailbox.ReceivedMail shown = DemoMailbox.toReceived(message);

        assertThat(shown.html()).isNull();
        assertThat(shown.text()).isEqualTo("Just text");
    }

    private static byte[] toBytes(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}

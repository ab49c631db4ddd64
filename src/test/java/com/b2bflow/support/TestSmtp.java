package com.b2bflow.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.b2bflow.notification.MailText;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The GreenMail SMTP server of the integration tests, on the port application-test.yaml names. */
public final class TestSmtp {

    public static final int PORT = Integer.getInteger("test.smtp.port", 3925);

    private TestSmtp() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** Messages received for one address. */
    public static List<MimeMessage> to(GreenMailExtension server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        try {
            return MailText.plainText(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

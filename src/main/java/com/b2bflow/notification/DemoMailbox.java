package com.b2bflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real SMTP server inside the application (GreenMail) that keeps every mail it receives, so a new user can read
 * the product's mail without installing anything. Only when no {@code spring.mail.host} is configured.
 */
public class DemoMailbox implements DisposableBean {

    private final GreenMail server;

    DemoMailbox(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Received messages, newest first. */
    public List<ReceivedMail> messages() {
        return Arrays.stream(server.getReceivedMessages())
                .map(DemoMailbox::toReceived)
                .sorted(Comparator.comparing(ReceivedMail::receivedAt).reversed())
                .toList();
    }

    private static ReceivedMail toReceived(MimeMessage message) {
        try {
            return new ReceivedMail(
                    message.getReceivedDate() == null ? new java.util.Date() : message.getReceivedDate(),
                    String.join(
                            ", ",
                            Arrays.stream(message.getAllRecipients())
                                    .map(Object::toString)
                                    .toList()),
                    message.getSubject(),
                    MailText.plainText(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the demo mailbox", e);
        }
    }

    @Override
    public void destroy() {
        server.stop();
    }

    public record ReceivedMail(java.util.Date receivedAt, String to, String subject, String text) {}
}

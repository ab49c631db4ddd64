package com.b2bflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real SMTP server inside the application (GreenMail) that keeps every mail it receives, so a new user can read
 * the product's mail without installing anything. Only when no {@code spring.mail.host} is configured.
 */
public class DemoMailbox implements DisposableBean {

    private static final Safelist SHOWN_MARKUP =
            Safelist.basic().addTags("h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td");

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

    static ReceivedMail toReceived(MimeMessage message) {
        try {
            String html = MailText.html(message);
            return new ReceivedMail(
                    message.getReceivedDate() == null ? new java.util.Date() : message.getReceivedDate(),
                    addresses(message.getFrom()),
                    addresses(message.getAllRecipients()),
                    message.getSubject(),
                    MailText.plainText(message),
                    html == null ? null : Jsoup.clean(html, SHOWN_MARKUP));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the demo mailbox", e);
        }
    }

    /** "Jörg Müller &lt;joerg@example.com&gt;", not the encoded form of the header ({@code =?UTF-8?Q?...?=}). */
    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses)
                        .map(address -> address instanceof InternetAddress internet && internet.getPersonal() != null
                                ? internet.getPersonal() + " <" + internet.getAddress() + ">"
                                : address.toString())
                        .collect(Collectors.joining(", "));
    }

    @Override
    public void destroy() {
        server.stop();
    }

    /**
     * A received mail as the mailbox page shows it: decoded addresses and subject, the plain text, and the HTML part
     * (if any) reduced to safe markup. Anything on the machine can send to the mailbox's SMTP port, so the HTML is
     * cleaned (jsoup's "basic" list plus headings and tables: no scripts, styles, forms or images; links only to
     * http, https and mailto, which stay clickable).
     */
    public record ReceivedMail(
            java.util.Date receivedAt, String from, String to, String subject, String text, String html) {}
}

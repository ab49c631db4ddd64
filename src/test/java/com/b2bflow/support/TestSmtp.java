package com.b2bflow.support;

import com.b2bflow.notification.MailText;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The GreenMail SMTP server of the tests: one per test JVM, shared by every test class (as the Spring context is),
 * on the port given by {@code -Dtest.smtp.port} or else on a port it binds itself. Its port is what every test
 * context ({@link TestDatabase}) and every test node ({@link ApplicationNode}) sends mail to. Each test class starts
 * with empty mailboxes; a class may stop and start the server (an SMTP outage), which comes back on the same port.
 */
public final class TestSmtp {

    private static final GreenMailConfiguration NO_AUTHENTICATION =
            GreenMailConfiguration.aConfig().withDisabledAuthentication();
    private static GreenMail shared;
    private static int port = Integer.getInteger("test.smtp.port", 0);

    private TestSmtp() {}

    /** The SMTP port of this JVM's server, starting it if need be. */
    public static synchronized int port() {
        running();
        return port;
    }

    /** The shared server as a JUnit extension of one test class (register it on a static field). */
    public static GreenMailExtension server() {
        return new SharedServer();
    }

    private static synchronized GreenMail running() {
        if (shared == null) {
            shared = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(NO_AUTHENTICATION);
            shared.start();
            port = shared.getSmtp().getPort();
            System.setProperty("test.smtp.port", String.valueOf(port));
        }
        return shared;
    }

    private static synchronized void stop() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    private static final class SharedServer extends GreenMailExtension {

        @Override
        protected GreenMail getGreenMail() {
            return running();
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            purge();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            running();
            purge();
        }

        @Override
        public void beforeEach(ExtensionContext context) {}

        @Override
        public void afterEach(ExtensionContext context) {}

        @Override
        public void start() {
            running();
        }

        @Override
        public void stop() {
            TestSmtp.stop();
        }

        @Override
        public boolean isRunning() {
            synchronized (TestSmtp.class) {
                return shared != null;
            }
        }

        private void purge() {
            try {
                running().purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Messages received for one address. */
    public static List<MimeMessage> to(GreenMailExtension server, String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .toList();
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

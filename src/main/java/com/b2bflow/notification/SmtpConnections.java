package com.b2bflow.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends mail over SMTP connections that stay open between mails: a mail on an open connection skips the connect,
 * the server's greeting and EHLO. At most {@link #MAX_IDLE} connections wait, each for at most
 * {@link #IDLE_TIMEOUT} (well below the five minutes RFC 5321 asks servers to wait). A waiting connection the
 * server has closed meanwhile fails at once, and the mail goes over a new connection.
 */
@Component
class SmtpConnections implements DisposableBean {

    static final int MAX_IDLE = 4;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final JavaMailSenderImpl sender;
    private final Clock clock;
    private final Counter opened;
    private final Deque<Idle> idle = new ArrayDeque<>();

    @Autowired
    SmtpConnections(JavaMailSenderImpl sender, MeterRegistry metrics) {
        this(sender, metrics, Clock.systemUTC());
    }

    SmtpConnections(JavaMailSenderImpl sender, MeterRegistry metrics, Clock clock) {
        this.sender = sender;
        this.clock = clock;
        this.opened = Counter.builder("b2b.mail.smtp.connections")
                .description("SMTP connections opened (a connection carries many mails)")
                .register(metrics);
    }

    MimeMessage createMimeMessage() {
        return sender.createMimeMessage();
    }

    /** Sends {@code message} to all its recipients; throws {@link MailSendException} when that fails. */
    void send(MimeMessage message) {
        try {
            prepare(message);
            Transport waiting = takeIdle();
            if (waiting != null) {
                try {
                    sendOver(waiting, message);
                    return;
                } catch (MessagingException closedMeanwhile) {
                    // a rejection by the server is repeated on the new connection below and thrown from there
                }
            }
            sendOver(connect(), message);
        } catch (MessagingException e) {
            throw new MailSendException("Could not send mail: " + e.getMessage(), e);
        }
    }

    private void sendOver(Transport transport, MimeMessage message) throws MessagingException {
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(transport);
            throw e;
        }
        giveBack(transport);
    }

    /** What {@link JavaMailSenderImpl} does before it sends: the date, the headers, the message id kept. */
    private static void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport =
                sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        String username = sender.getUsername();
        String password = sender.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(sender.getHost(), sender.getPort(), username, password);
        opened.increment();
        return transport;
    }

    /** The connection used last, if it has not waited too long; older ones are closed. */
    private Transport takeIdle() {
        Instant now = clock.instant();
        synchronized (idle) {
            while (!idle.isEmpty()) {
                Idle candidate = idle.pollFirst();
                if (candidate.since().plus(IDLE_TIMEOUT).isAfter(now)) {
                    return candidate.transport();
                }
                close(candidate.transport());
            }
        }
        return null;
    }

    private void giveBack(Transport transport) {
        synchronized (idle) {
            if (idle.size() < MAX_IDLE) {
                idle.addFirst(new Idle(transport, clock.instant()));
                return;
            }
        }
        close(transport);
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException alreadyGone) {
            // nothing left to release
        }
    }

    @Override
    public void destroy() {
        synchronized (idle) {
            idle.forEach(waiting -> close(waiting.transport()));
            idle.clear();
        }
    }

    private record Idle(Transport transport, Instant since) {}
}

package com.b2bflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Mail over kept SMTP connections, against a real SMTP server (GreenMail) that goes away and comes back. */
class SmtpConnectionsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();
    private ServerSetup setup;
    private GreenMail server;
    private SmtpConnections connections;

    @BeforeEach
    void start() throws IOException {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        // a restarted server comes back on the port the first one bound (the address the sender keeps)
        setup = new ServerSetup(server.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(setup.getPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        properties.put("mail.smtp.quitwait", "false");
        sender.setJavaMailProperties(properties);
        connections = new SmtpConnections(sender, metrics, clock);
    }

    @AfterEach
    void stop() {
        connections.destroy();
        server.stop();
    }

    @Test
    void mailsOneAfterTheOtherShareOneConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            connections.send(message("mail " + i));
        }

        assertThat(subjects()).containsExactly("mail 1", "mail 2", "mail 3");
        assertThat(opened()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerClosedIsReplacedAndTheMailArrives() throws Exception {
        connections.send(message("before the restart"));
        server.stop();
        server = new GreenMail(setup);
        server.start();

        connections.send(message("after the restart"));

        assertThat(subjects()).containsExactly("after the restart");
        assertThat(opened()).isEqualTo(2);
    }

    @Test
    void aConnectionThatWaitedTooLongIsNotUsed() throws Exception {
        connections.send(message("first"));
        clock.advance(SmtpConnections.IDLE_TIMEOUT.plusSeconds(1));

        connections.send(message("second"));

        assertThat(subjects()).containsExactly("first", "second");
        assertThat(opened()).isEqualTo(2);
    }

    @Test
    void withoutAServerTheSendFailsAndKeepsNothing() throws Exception {
        connections.send(message("delivered"));
        server.stop();

        assertThatThrownBy(() -> connections.send(message("lost"))).isInstanceOf(MailSendException.class);
        assertThatThrownBy(() -> connections.send(message("lost again"))).isInstanceOf(MailSendException.class);

        server = new GreenMail(setup);
        server.start();
        connections.send(message("delivered again"));
        assertThat(subjects()).containsExactly("delivered again");
    }

    @Test
    void simultaneousMailsEachArriveOnce() throws Exception {
        List<Thread> threads = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> new Thread(() -> {
                    for (int j = 0; j < 5; j++) {
                        connections.send(message("mail " + i + "-" + j));
                    }
                }))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(subjects()).hasSize(40).doesNotHaveDuplicates();
        assertThat(opened()).isBetween(1.0, 8.0);
    }

    private MimeMessage message(String subject) {
        try {
            MimeMessage message = connections.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom("no-reply@b2b.example.com");
            helper.setTo("someone@example.com");
            helper.setSubject(subject);
            helper.setText("Hello");
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> subjects() {
        return Arrays.stream(server.getReceivedMessages())
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private double opened() {
        return metrics.get("b2b.mail.smtp.connections").counter().count();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

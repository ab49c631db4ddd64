package com.b2bflow.notification;

import com.b2bflow.staff.StaffDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends templated mail. Called from async service tasks: a failure throws, the job is retried on the
 * {@code app.notifications.retry-cycle} schedule and ends as a Cockpit incident. Each (key, recipient) pair is
 * recorded in its own transaction as soon as the SMTP server accepted it, and never sent again: a retry after a
 * failure at a later recipient (or after the job's transaction failed) skips the ones already mailed. A mail the
 * server accepted but whose record failed is sent again, with the same {@link MessageIds Message-ID}.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final SmtpConnections smtp;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final SentNotificationRepository sent;
    private final StaffDirectory staff;
    private final Counter failures;
    private final TransactionTemplate ownTransaction;

    NotificationService(
            SmtpConnections smtp,
            MailTemplates templates,
            NotificationProperties properties,
            SentNotificationRepository sent,
            StaffDirectory staff,
            MeterRegistry metrics,
            PlatformTransactionManager transactions) {
        this.smtp = smtp;
        this.templates = templates;
        this.properties = properties;
        this.sent = sent;
        this.staff = staff;
        this.failures = Counter.builder("b2b.mail.failures")
                .description("Mails that could not be delivered (the job is retried, then becomes an incident)")
                .register(metrics);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The members of a staff group, as recipients in their preferred language where known. */
    public List<Recipient> staffGroup(String groupId) {
        return staff.membersOf(groupId).stream()
                .map(m -> Recipient.of(m.email(), m.name(), m.language()))
                .toList();
    }

    public List<Recipient> staffGroups(String... groupIds) {
        return Stream.of(groupIds)
                .flatMap(g -> staffGroup(g).stream())
                .distinct()
                .toList();
    }

    @Transactional
    public void send(Notification notification) {
        for (Recipient recipient : notification.recipients()) {
            if (recipient.email() == null || recipient.email().isBlank()) {
                // a user registered through HCL's URLs without an email address (HCL requires none)
                log.info(
                        "Notification {} ({}): a recipient has no email address; not sent",
                        notification.key(),
                        notification.template());
                continue;
            }
            String key = truncate(notification.key() + ":" + recipient.email());
            if (sent.existsById(key)) {
                continue;
            }
            String subject = deliver(notification, recipient, MessageIds.of(key, properties.from()));
            ownTransaction.executeWithoutResult(status ->
                    sent.saveAndFlush(new SentNotification(key, recipient.email(), notification.template(), subject)));
        }
        if (notification.recipients().isEmpty()) {
            log.warn("Notification {} ({}) has no recipients", notification.key(), notification.template());
        }
    }

    /** Sends one message; returns its subject (recorded, for the recipient's data export). */
    private String deliver(Notification notification, Recipient recipient, String messageId) {
        MailTemplates.RenderedMail mail =
                templates.render(notification.template(), notification.model(), recipient.locale());
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(
                    recipient.name() == null
                            ? new jakarta.mail.internet.InternetAddress(recipient.email())
                            : new jakarta.mail.internet.InternetAddress(recipient.email(), recipient.name(), "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("Message-ID", messageId);
            send(message);
            log.info("Sent '{}' mail ({})", notification.template(), notification.key());
            return mail.subject();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException("Could not build mail " + notification.template(), e);
        }
    }

    private void send(MimeMessage message) {
        try {
            smtp.send(message);
        } catch (MailException e) {
            failures.increment();
            throw e;
        }
    }

    private static String truncate(String key) {
        return key.length() <= 255 ? key : key.substring(0, 255);
    }
}

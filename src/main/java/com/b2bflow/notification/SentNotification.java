package com.b2bflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class SentNotification {

    @Id
    private String notificationKey;

    private Instant sentAt;
    private String recipient;
    private String template;
    private String subject;

    protected SentNotification() {
    }

    SentNotification(String notificationKey, String recipient, String template, String subject) {
        this.notificationKey = notificationKey;
        this.sentAt = Instant.now();
        this.recipient = recipient;
        this.template = template;
        this.subject = subject == null || subject.length() <= 255 ? subject : subject.substring(0, 252) + "...";
    }
}

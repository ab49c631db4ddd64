package com.b2bflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A (key, recipient) pair that was mailed. Records are only ever inserted: {@link Persistable} lets
 * {@code save} insert at once instead of reading the key first, as it does for an entity with an assigned id.
 */
@Entity
class SentNotification implements Persistable<String> {

    @Id
    private String notificationKey;

    private Instant sentAt;
    private String recipient;
    private String template;
    private String subject;

    @Transient
    private boolean stored;

    protected SentNotification() {}

    SentNotification(String notificationKey, String recipient, String template, String subject) {
        this.notificationKey = notificationKey;
        this.sentAt = Instant.now();
        this.recipient = recipient;
        this.template = template;
        this.subject = subject == null || subject.length() <= 255 ? subject : subject.substring(0, 252) + "...";
    }

    @Override
    public String getId() {
        return notificationKey;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}

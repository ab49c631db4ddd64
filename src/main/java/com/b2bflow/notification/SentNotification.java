package com.b2bflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class SentNotification {

    @Id
    private String notificationKey;

    private Instant sentAt;

    protected SentNotification() {
    }

    SentNotification(String notificationKey) {
        this.notificationKey = notificationKey;
        this.sentAt = Instant.now();
    }
}

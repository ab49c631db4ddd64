package com.b2bflow.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentNotificationRepository extends JpaRepository<SentNotification, String> {}

package com.b2bflow.notification;

import java.util.List;
import java.util.Map;

/**
 * One templated mail to one or more recipients (each gets their own message, in their language).
 *
 * @param key      unique for this notification (e.g. process instance + activity); a repeated send with the
 *                 same key and recipient is skipped, so retried jobs never mail twice
 * @param template name of the templates {@code mail/<template>.html} and {@code .txt}; the subject is the
 *                 message {@code mail.<template>.subject}
 */
public record Notification(String key, String template, List<Recipient> recipients, Map<String, Object> model) {}

package com.b2bflow.notification;

/**
 * Bound from {@code app.notifications}.
 *
 * @param retryCycle ISO 8601 repeating interval for failed sends (e.g. {@code R10/PT1M}); the BPMN models read it
 *                   as {@code ${notificationProperties.retryCycle}} in their failedJobRetryTimeCycle
 * @param from       sender address of every mail
 * @param baseUrl    public address of the application, for links in mails
 */
public record NotificationProperties(String retryCycle, String from, String baseUrl) {

    public NotificationProperties {
        retryCycle = retryCycle == null || retryCycle.isBlank() ? "R10/PT1M" : retryCycle;
        from = from == null || from.isBlank() ? "no-reply@b2b.example.com" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : stripTrailingSlash(baseUrl);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** For BPMN expressions: JUEL reads JavaBean getters, not record accessors. */
    public String getRetryCycle() {
        return retryCycle;
    }

    public String link(String path) {
        return baseUrl + path;
    }

    /** Opens this very task in Camunda Tasklist (its deep link), not the Tasklist home. */
    public String taskLink(String taskId) {
        return link("/camunda/app/tasklist/default/#/?task=" + taskId);
    }

    /** Tasklist's home: for staff mails about work that is no Tasklist task. */
    public String tasklistHome() {
        return link("/camunda/app/tasklist/");
    }
}

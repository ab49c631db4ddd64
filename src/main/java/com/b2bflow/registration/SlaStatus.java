package com.b2bflow.registration;

/**
 * Where a waiting staff step stands against the timers its model attaches to it: the "Reminder due" timer
 * ({@code ${slaProperties.reminder}}) and the "Escalation due" timer ({@code ${slaProperties.escalation}}).
 */
public enum SlaStatus {
    /** Neither timer has fired yet: the reminder is still due. */
    DUE,
    /** The reminder timer fired: the task's group was reminded; the escalation is still due. */
    REMINDED,
    /** The escalation timer fired: the site administrators were told and may work the task. */
    ESCALATED
}

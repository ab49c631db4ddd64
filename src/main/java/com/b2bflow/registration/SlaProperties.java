package com.b2bflow.registration;

/**
 * Bound from {@code app.sla}; BPMN timers read {@code ${slaProperties.reminder}} and
 * {@code ${slaProperties.escalation}}.
 *
 * @param reminder   ISO 8601 duration after which the task's group is reminded
 * @param escalation ISO 8601 duration after which site administrators are told
 */
public record SlaProperties(String reminder, String escalation) {

    public SlaProperties {
        reminder = reminder == null || reminder.isBlank() ? "P2D" : reminder;
        escalation = escalation == null || escalation.isBlank() ? "P5D" : escalation;
    }

    /** For BPMN expressions: JUEL reads JavaBean getters, not record accessors. */
    public String getReminder() {
        return reminder;
    }

    public String getEscalation() {
        return escalation;
    }
}

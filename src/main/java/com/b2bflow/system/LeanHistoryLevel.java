package com.b2bflow.system;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's full history without the rows this product never reads: a history detail row for every value a variable
 * ever had or a form submitted ({@code ACT_HI_DETAIL}; the last value stays in {@code ACT_HI_VARINST}), and the job
 * log's rows for jobs created, executed or deleted ({@code ACT_HI_JOB_LOG}; a failed job's row, with its exception,
 * stays). Everything else is written as at {@code full}: process, activity, task, variable, incident, identity-link
 * and user-operation history.
 * <p>
 * Registration writes 12 form variables at once, each a runtime, a history and a history-detail row, and every
 * async step and SLA timer wrote two job-log rows (bench/RESULTS.md). Fewer rows also mean fewer copies of an
 * applicant's personal data.
 * <p>
 * The id is full's (3): the level writes into the same tables, so a database created at {@code full} runs at this
 * level, and back, without Camunda's "historyLevel mismatch".
 */
public final class LeanHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "full-lean";

    private static final Set<HistoryEventType> NOT_WRITTEN = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.FORM_PROPERTY_UPDATE,
            HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !NOT_WRITTEN.contains(eventType);
    }
}

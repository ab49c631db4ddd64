package com.b2bflow.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Runs due jobs the way the job executor would, but on the test's thread. A job that throws keeps its retries - 1
 * and a later due date, as in the job executor; {@link #executeAll()} then fails the test with every exception, so
 * that a broken delegate cannot hide behind a green test. Tests whose point is a failing job use
 * {@link #executeAllExpectingFailures()}.
 */
@Component
public class JobDriver {

    /** A job that threw: its id, where it was, and what it threw. */
    public record JobFailure(String jobId, String processInstanceId, String activityId, RuntimeException exception) {

        @Override
        public String toString() {
            return "job " + jobId + " at " + activityId + " of " + processInstanceId + ": " + exception;
        }
    }

    private final ManagementService management;

    public JobDriver(ManagementService management) {
        this.management = management;
    }

    /** Executes executable (due, with retries) jobs until none is left; returns how many ran; fails if any threw. */
    public int executeAll() {
        return executeAllOf(null);
    }

    /**
     * As {@link #executeAll()}, for the jobs of one process instance only: a test that measures a global figure (a
     * metric) is not moved by jobs other test classes left due in the shared engine.
     */
    public int executeAllOf(String processInstanceId) {
        List<JobFailure> failures = new ArrayList<>();
        int executed = run(failures, processInstanceId);
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " job(s) failed (use "
                    + "executeAllExpectingFailures() where that is the point): " + failures);
            failures.forEach(failure -> error.addSuppressed(failure.exception()));
            throw error;
        }
        return executed;
    }

    /** Executes executable jobs until none is left and returns the failures instead of failing. */
    public List<JobFailure> executeAllExpectingFailures() {
        List<JobFailure> failures = new ArrayList<>();
        run(failures, null);
        return failures;
    }

    private int run(List<JobFailure> failures, String processInstanceId) {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            var query = management.createJobQuery().executable();
            List<Job> due = (processInstanceId == null ? query : query.processInstanceId(processInstanceId)).list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failure) {
                    failures.add(new JobFailure(job.getId(), job.getProcessInstanceId(), activityOf(job), failure));
                }
                executed++;
            }
        }
        throw new IllegalStateException("Jobs keep being created: more than 100 rounds");
    }

    private static String activityOf(Job job) {
        try {
            return job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
                    ? entity.getActivityId()
                    : job.getJobDefinitionId();
        } catch (RuntimeException outsideACommand) {
            // a timer's activity id is read from its job definition, which needs a command context
            return "job definition " + job.getJobDefinitionId();
        }
    }
}

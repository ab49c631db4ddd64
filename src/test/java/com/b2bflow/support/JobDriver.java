package com.b2bflow.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Runs due jobs the way the job executor would, but on the test's thread. */
@Component
public class JobDriver {

    private final ManagementService management;

    public JobDriver(ManagementService management) {
        this.management = management;
    }

    /** Executes executable (due, with retries) jobs until none is left; returns how many ran. */
    public int executeAll() {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failure) {
                    // a failing job keeps its retries-1 and stays for the next round, as in the job executor
                }
                executed++;
            }
        }
        throw new IllegalStateException("Jobs keep being created: more than 100 rounds");
    }
}
